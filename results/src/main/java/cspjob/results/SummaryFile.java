package cspjob.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and reads {@code summary.txt}: one {@code KEY: VALUE} line per fact, readable by a person and
 * parsed back exactly by {@code cspjob report}. Numbers are written so that they read back to the same
 * double. Example:
 *
 * <pre>
 * job: ring
 * started: 2026-11-22T07:45:12.345Z
 * elapsed seconds: 12.5
 * parameter become-home: true
 * figure best messages/s: 81234.5
 * series messages/s: concurrent tokens | messages/s | linear
 * point messages/s: 16 81234.5
 * </pre>
 */
final class SummaryFile {
    static final String HEADER = "# cspjob run summary: KEY: VALUE lines, read back by `cspjob report`";

    private SummaryFile() {
    }

    static String format(Summary summary) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        line(text, "job", summary.job());
        line(text, "started", summary.started().toString());
        line(text, "elapsed seconds", number(summary.elapsed().toNanos() / 1e9));
        line(text, "jvm", summary.jvm());
        line(text, "ranks", Integer.toString(summary.ranks()));
        line(text, "nodes", String.join(", ", summary.nodes()));
        summary.parameters().forEach((name, value) -> line(text, "parameter " + name, value));
        summary.counts().forEach((name, value) -> line(text, "count " + name, Long.toString(value)));
        summary.figures().forEach((name, value) -> line(text, "figure " + name, number(value)));
        for (Series series : summary.series()) {
            line(text, "series " + series.name(),
                    series.xLabel() + " | " + series.yLabel() + " | " + series.scale().word());
            for (Series.Point point : series.points()) {
                line(text, "point " + series.name(), number(point.x()) + " " + number(point.y()));
            }
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append(": ").append(value).append('\n');
    }

    /** Whole numbers without a fraction, others in the shortest form that reads back to the same double. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Reads a summary back; a line it cannot understand is a {@link RunFolderException} naming the file and line. */
    static Summary read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new RunFolderException(file + ": cannot read the run summary (" + e.getMessage() + ")");
        }
        return new Parser(file).parse(lines);
    }

    /** Parses one file; holds what it has read so far. */
    private static final class Parser {
        private final Path file;
        private int lineNumber;
        private String job;
        private Instant started;
        private Duration elapsed = Duration.ZERO;
        private String jvm = "";
        private int ranks = 1;
        private List<String> nodes = List.of();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Map<String, Double> figures = new LinkedHashMap<>();
        private final Map<String, SeriesHead> series = new LinkedHashMap<>();

        private record SeriesHead(String xLabel, String yLabel, Series.Scale scale, List<Series.Point> points) {
        }

        Parser(Path file) {
            this.file = file;
        }

        Summary parse(List<String> lines) {
            for (String line : lines) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw bad("'" + line + "' is not a KEY: VALUE line");
                }
                accept(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
            if (job == null || started == null) {
                throw new RunFolderException(file + ": not a cspjob run summary (it has no 'job:' or no 'started:' line)");
            }
            List<Series> all = new ArrayList<>();
            series.forEach((name, head) -> all.add(new Series(name, head.xLabel, head.yLabel, head.scale, head.points)));
            return new Summary(job, started, elapsed, jvm, ranks, nodes, parameters, counts, figures, all);
        }

        private void accept(String key, String value) {
            int space = key.indexOf(' ');
            String kind = space < 0 ? key : key.substring(0, space);
            String name = space < 0 ? "" : key.substring(space + 1);
            switch (key) {
                case "job" -> job = value;
                case "started" -> started = instant(value);
                case "elapsed seconds" -> elapsed = Duration.ofNanos(Math.round(number(value) * 1e9));
                case "jvm" -> jvm = value;
                case "ranks" -> ranks = (int) whole(value);
                case "nodes" -> nodes = value.isEmpty() ? List.of() : List.of(value.split(",\\s*"));
                default -> {
                    if (name.isEmpty()) {
                        throw bad("unknown key '" + key + "'");
                    }
                    switch (kind) {
                        case "parameter" -> parameters.put(name, value);
                        case "count" -> counts.put(name, whole(value));
                        case "figure" -> figures.put(name, number(value));
                        case "series" -> seriesHead(name, value);
                        case "point" -> point(name, value);
                        default -> throw bad("unknown key '" + key + "'");
                    }
                }
            }
        }

        private void seriesHead(String name, String value) {
            String[] fields = value.split("\\s*\\|\\s*");
            Series.Scale scale = fields.length == 3 ? Series.Scale.fromWord(fields[2].toLowerCase(Locale.ROOT)) : null;
            if (scale == null) {
                throw bad("series '" + name + "' needs 'X LABEL | Y LABEL | SCALE' with SCALE one of linear, log x, log y, log x y; found '" + value + "'");
            }
            series.put(name, new SeriesHead(fields[0], fields[1], scale, new ArrayList<>()));
        }

        private void point(String name, String value) {
            SeriesHead head = series.get(name);
            if (head == null) {
                throw bad("a point of series '" + name + "' comes before its 'series " + name + ":' line");
            }
            String[] xy = value.split("\\s+");
            if (xy.length != 2) {
                throw bad("a point needs 'X Y', found '" + value + "'");
            }
            head.points.add(new Series.Point(number(xy[0]), number(xy[1])));
        }

        private Instant instant(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw bad("'" + value + "' is not a time such as 2026-11-22T07:45:12Z");
            }
        }

        private double number(String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw bad("'" + value + "' is not a number");
            }
        }

        private long whole(String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw bad("'" + value + "' is not a whole number");
            }
        }

        private RunFolderException bad(String what) {
            return new RunFolderException(file + ":" + lineNumber + ": " + what
                    + "; the run summary is damaged (re-run the job, or fix the line by hand)");
        }
    }
}
