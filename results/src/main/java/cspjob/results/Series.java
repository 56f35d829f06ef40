package cspjob.results;

import java.util.List;

/**
 * A named line of points, such as bytes per second against message size, as a job recorded it and as
 * {@code cspjob report} draws it. The axis labels say what x and y are; charts overlay every series that
 * shares both labels, so a job gives the same labels to series that belong on one chart (for example
 * one series per token count, or the same series in runs with and without {@code becomeHome}).
 *
 * @param name   the series' name within its run, e.g. {@code messages/s} or {@code tokens=16}
 * @param xLabel what x is, with its unit, e.g. {@code message size (bytes)}
 * @param yLabel what y is, with its unit, e.g. {@code bytes/s}
 * @param scale  which axes a chart draws on a logarithmic scale
 * @param points the points in the order they were recorded
 */
public record Series(String name, String xLabel, String yLabel, Scale scale, List<Point> points) {

    public Series {
        Names.check("series", name);
        Names.check("x label of series " + name, xLabel);
        Names.check("y label of series " + name, yLabel);
        points = List.copyOf(points);
    }

    /** One point of a series. */
    public record Point(double x, double y) {
    }

    /** Which axes are logarithmic: seed 000 Fig. 3 draws message sizes from 1 byte to 100 MB on a log scale. */
    public enum Scale {
        LINEAR("linear"), LOG_X("log x"), LOG_Y("log y"), LOG_XY("log x y");

        private final String word;

        Scale(String word) {
            this.word = word;
        }

        /** How the summary file writes this scale. */
        public String word() {
            return word;
        }

        public boolean logX() {
            return this == LOG_X || this == LOG_XY;
        }

        public boolean logY() {
            return this == LOG_Y || this == LOG_XY;
        }

        /** The scale for the given log flags. */
        public static Scale of(boolean logX, boolean logY) {
            return logX ? (logY ? LOG_XY : LOG_X) : (logY ? LOG_Y : LINEAR);
        }

        /** The scale a summary file names, or null when the word is none of {@code linear}, {@code log x}, {@code log y}, {@code log x y}. */
        static Scale fromWord(String word) {
            for (Scale scale : values()) {
                if (scale.word.equals(word)) {
                    return scale;
                }
            }
            return null;
        }
    }
}
