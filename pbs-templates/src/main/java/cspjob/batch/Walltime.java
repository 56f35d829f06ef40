package cspjob.batch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch job's time limit. Written {@code H:MM:SS} (hours may pass 24) or {@code D-H:MM:SS};
 * a bare number is refused because PBS reads it as seconds and Slurm as minutes.
 *
 * @param seconds the limit in seconds, at least 1
 */
public record Walltime(long seconds) {
    private static final Pattern FORMAT = Pattern.compile("(?:(\\d{1,4})-)?(\\d{1,6}):(\\d{2}):(\\d{2})");

    public Walltime {
        if (seconds < 1) {
            throw new IllegalArgumentException("the walltime must be at least one second");
        }
    }

    /** Reads {@code H:MM:SS} or {@code D-H:MM:SS}, with an error that shows the format. */
    public static Walltime parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("walltime '" + text
                    + "' is not hours:minutes:seconds; write e.g. 0:30:00, 48:00:00 or 2-00:00:00 (days-hours:minutes:seconds)");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long hours = Long.parseLong(m.group(2));
        long minutes = Long.parseLong(m.group(3));
        long secs = Long.parseLong(m.group(4));
        if (minutes > 59 || secs > 59 || (m.group(1) != null && hours > 23)) {
            throw new IllegalArgumentException("walltime '" + text
                    + "' has minutes or seconds over 59 (or hours over 23 after a day count); write e.g. 1:30:00");
        }
        long total = ((days * 24 + hours) * 60 + minutes) * 60 + secs;
        if (total < 1) {
            throw new IllegalArgumentException("walltime '" + text + "' is zero; give the time the job may run, e.g. 0:10:00");
        }
        return new Walltime(total);
    }

    /** PBS's form: hours:minutes:seconds, hours past 24 allowed ({@code 49:00:00}). */
    public String pbs() {
        return "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** Slurm's form: {@code HH:MM:SS}, or {@code D-HH:MM:SS} from one day on. */
    public String slurm() {
        long days = seconds / 86_400;
        String clock = "%02d:%02d:%02d".formatted(seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        return days == 0 ? clock : days + "-" + clock;
    }
}
