package cspjob.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the points of one series while a job runs; {@link RunRecorder#series} makes one. Safe to call
 * from several processes at once.
 */
public final class SeriesRecorder {
    private final String name;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private boolean logY;
    private final List<Series.Point> points = new ArrayList<>();

    SeriesRecorder(String name, String xLabel, String yLabel) {
        this.name = Names.check("series", name);
        this.xLabel = Names.check("x label of series " + name, xLabel);
        this.yLabel = Names.check("y label of series " + name, yLabel);
    }

    /** Adds the point (x, y). */
    public synchronized SeriesRecorder add(double x, double y) {
        points.add(new Series.Point(x, y));
        return this;
    }

    /** Draws x on a logarithmic scale (message sizes from 1 byte to 100 MB, say). */
    public synchronized SeriesRecorder logX() {
        logX = true;
        return this;
    }

    /** Draws y on a logarithmic scale. */
    public synchronized SeriesRecorder logY() {
        logY = true;
        return this;
    }

    /** The points so far. */
    public synchronized Series snapshot() {
        return new Series(name, xLabel, yLabel, Series.Scale.of(logX, logY), points);
    }
}
