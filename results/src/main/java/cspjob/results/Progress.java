package cspjob.results;

import java.io.Console;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a long job has come. On a terminal, one line redrawn in place (done of total, rate,
 * elapsed, estimated time left); in batch (output redirected to a file, as under qsub or sbatch), a plain
 * log line every few seconds, so the batch log shows the job is alive without filling up.
 *
 * <pre>{@code
 * Progress progress = Progress.onStandardError("ring laps");
 * for (int lap = 1; lap <= laps; lap++) { ...; progress.update(lap, laps); }
 * progress.finish();
 * }</pre>
 *
 * Progress goes to standard error, so it stays out of the job's results and {@code output.txt}. A job
 * that also prints while progress shows prints through {@link #above}, so its lines and the progress
 * line do not run into each other on the terminal.
 */
public final class Progress {
    /** How often a terminal line is redrawn: more often only costs time. */
    static final Duration REDRAW_EVERY = Duration.ofMillis(200);
    /** How often batch mode writes a log line. */
    static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final String what;
    private final PrintStream to;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long startNanos;
    private long lastShownNanos;
    private long done;
    private long total;
    private int lineWidth;
    private boolean shownAny;
    private boolean finished;

    /**
     * @param what      what is counted, e.g. {@code laps}
     * @param to        where the progress goes
     * @param terminal  true to redraw one line in place, false for log lines
     * @param nanoClock the time in nanoseconds ({@code System::nanoTime}; a test gives its own)
     */
    public Progress(String what, PrintStream to, boolean terminal, LongSupplier nanoClock) {
        this.what = what;
        this.to = to;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.intervalNanos = (terminal ? REDRAW_EVERY : LOG_EVERY).toNanos();
        this.startNanos = nanoClock.getAsLong();
        this.lastShownNanos = startNanos;
    }

    /** Progress on standard error, redrawn in place when standard error's session is on a terminal. */
    public static Progress onStandardError(String what) {
        return new Progress(what, System.err, onTerminal(), System::nanoTime);
    }

    /** True when this JVM's input and output are a terminal; since JDK 22 a redirected JVM has a console too, so ask it. */
    static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Reports that {@code done} of {@code total} are done; shows it when the last line is old enough. */
    public synchronized void update(long done, long total) {
        if (finished) {
            return;
        }
        this.done = done;
        this.total = total;
        long now = nanoClock.getAsLong();
        if (now - lastShownNanos >= intervalNanos) {
            lastShownNanos = now;
            show(now);
        }
    }

    /**
     * A stream that prints to {@code out} above the progress line: on a terminal, it wipes the progress
     * line before each write and redraws it after each finished line; in batch, it is {@code out} itself.
     */
    public PrintStream above(PrintStream out) {
        if (!terminal) {
            return out;
        }
        OutputStream wiping = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (Progress.this) {
                    wipe();
                    out.write(bytes, offset, length);
                    out.flush();
                    if (length > 0 && bytes[offset + length - 1] == '\n' && shownAny && !finished) {
                        show(nanoClock.getAsLong());
                    }
                }
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
        return new PrintStream(wiping, true, out.charset());
    }

    private void wipe() {
        if (lineWidth > 0) {
            to.print("\r" + " ".repeat(lineWidth) + "\r");
            to.flush();
            lineWidth = 0;
        }
    }

    /** Shows the final state: on a terminal it ends the redrawn line, in batch it writes a last line. */
    public synchronized void finish() {
        if (finished || (terminal && !shownAny)) {
            finished = true;
            return;
        }
        finished = true;
        show(nanoClock.getAsLong());
        if (terminal) {
            to.println();
            lineWidth = 0;
        }
    }

    private void show(long now) {
        String line = line(now);
        shownAny = true;
        if (terminal) {
            // \r returns to the line's start; spaces wipe what a longer previous line left behind.
            int pad = Math.max(0, lineWidth - line.length());
            to.print("\r" + line + " ".repeat(pad));
            lineWidth = line.length();
        } else {
            to.println(line);
        }
        to.flush();
    }

    /** The progress line: {@code laps: 1,200 of 10,000 (12%), 240.0/s, 5s elapsed, about 37s left}. */
    String line(long now) {
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d", what, done));
        if (total > 0) {
            line.append(String.format(Locale.ROOT, " of %,d (%d%%)", total, Math.round(100.0 * done / total)));
        }
        line.append(String.format(Locale.ROOT, ", %.1f/s, %s elapsed", rate, duration(seconds)));
        if (total > 0 && done < total && rate > 0) {
            line.append(", about ").append(duration((total - done) / rate)).append(" left");
        }
        return line.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
