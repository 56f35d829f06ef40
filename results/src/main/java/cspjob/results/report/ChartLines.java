package cspjob.results.report;

import cspjob.results.Run;
import cspjob.results.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One chart to draw: every series, from every run given, that shares an x label and a y label (as seed
 * 000 Fig. 2 overlays the ring with and without {@code becomeHome}).
 *
 * @param title  e.g. {@code ring: messages/s against concurrent tokens}
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param logX   true when any of its series asked for a logarithmic x axis
 * @param logY   true when any asked for a logarithmic y axis
 * @param lines  the lines by legend label, in the order of the runs given
 */
record ChartLines(String title, String xLabel, String yLabel, boolean logX, boolean logY,
        Map<String, List<Series.Point>> lines) {

    /** The file name for this chart: its title in lower case, words joined by dashes. */
    String fileName() {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug + ".svg";
    }

    /** Groups the series of {@code runs} into charts, labelling each line by its run and, where a run has several, its series. */
    static List<ChartLines> of(List<Run> runs, Map<Run, String> runLabels) {
        record Axes(String x, String y) {
        }
        record Line(Run run, Series series) {
        }
        Map<Axes, List<Line>> byAxes = new LinkedHashMap<>();
        for (Run run : runs) {
            for (Series series : run.summary().series()) {
                byAxes.computeIfAbsent(new Axes(series.xLabel(), series.yLabel()), a -> new ArrayList<>())
                        .add(new Line(run, series));
            }
        }
        List<ChartLines> charts = new ArrayList<>();
        byAxes.forEach((axes, group) -> {
            boolean manyRuns = group.stream().map(Line::run).distinct().count() > 1;
            boolean manyNames = group.stream().map(line -> line.series().name()).distinct().count() > 1;
            Map<String, List<Series.Point>> lines = new LinkedHashMap<>();
            for (Line line : group) {
                String label = manyNames ? line.series().name() : "";
                if (manyRuns) {
                    label = label.isEmpty() ? runLabels.get(line.run()) : label + ", " + runLabels.get(line.run());
                }
                if (label.isEmpty()) {
                    label = line.series().name();
                }
                String unique = label;
                for (int n = 2; lines.containsKey(unique); n++) {
                    unique = label + " (" + n + ")";
                }
                lines.put(unique, line.series().points());
            }
            boolean logX = group.stream().anyMatch(line -> line.series().scale().logX());
            boolean logY = group.stream().anyMatch(line -> line.series().scale().logY());
            Set<String> jobs = new LinkedHashSet<>();
            group.forEach(line -> jobs.add(line.run().summary().job()));
            String prefix = String.join(", ", jobs) + ": ";
            charts.add(new ChartLines(prefix + axes.y() + " against " + axes.x(), axes.x(), axes.y(), logX, logY, lines));
        });
        return charts;
    }
}
