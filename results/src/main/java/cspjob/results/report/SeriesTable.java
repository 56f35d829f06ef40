package cspjob.results.report;

import cspjob.results.Run;
import cspjob.results.Series;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Prints each run's figures, and each chart's lines as a table (one row per x, one column per line), for readers without an SVG viewer. */
final class SeriesTable {
    private static final int WIDTH = 16;

    private SeriesTable() {
    }

    static void printFigures(List<Run> runs, Map<Run, String> labels, PrintWriter out) {
        for (Run run : runs) {
            if (run.summary().figures().isEmpty()) {
                continue;
            }
            out.println(labels.get(run) + ": " + run.summary().job() + " on " + run.summary().ranks() + " rank(s), "
                    + String.join(", ", run.summary().nodes()));
            run.summary().figures().forEach((name, value) -> out.printf("  %-38s %s%n", name, SiNumberFormat.si(value)));
        }
        out.println();
    }

    static void printLines(ChartLines chart, PrintWriter out) {
        out.println(chart.title());
        TreeSet<Double> xs = new TreeSet<>();
        chart.lines().values().forEach(points -> points.forEach(point -> xs.add(point.x())));
        StringBuilder header = new StringBuilder(cell(chart.xLabel()));
        chart.lines().keySet().forEach(label -> header.append(' ').append(cell(label)));
        out.println("  " + header.toString().stripTrailing());
        for (double x : xs) {
            StringBuilder row = new StringBuilder(cell(SiNumberFormat.si(x)));
            for (List<Series.Point> points : chart.lines().values()) {
                String y = points.stream().filter(p -> p.x() == x).findFirst()
                        .map(p -> SiNumberFormat.si(p.y())).orElse("-");
                row.append(' ').append(cell(y));
            }
            out.println("  " + row.toString().stripTrailing());
        }
        out.println();
    }

    private static String cell(String text) {
        return text.length() >= WIDTH ? text : text + " ".repeat(WIDTH - text.length());
    }
}
