package cspjob.results.report;

import cspjob.results.Run;
import cspjob.results.Series;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Prints each run's figures, and each chart's lines as a table (one row per x, one column per line, as wide as its widest cell), for readers without an SVG viewer. */
final class SeriesTable {
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
        List<List<String>> columns = new ArrayList<>();
        List<String> xColumn = new ArrayList<>(List.of(chart.xLabel()));
        xs.forEach(x -> xColumn.add(SiNumberFormat.si(x)));
        columns.add(xColumn);
        chart.lines().forEach((label, points) -> {
            List<String> column = new ArrayList<>(List.of(label));
            for (double x : xs) {
                column.add(points.stream().filter(p -> p.x() == x).findFirst()
                        .map(p -> SiNumberFormat.si(p.y())).orElse("-"));
            }
            columns.add(column);
        });
        for (int row = 0; row <= xs.size(); row++) {
            StringBuilder line = new StringBuilder(" ");
            for (List<String> column : columns) {
                int width = column.stream().mapToInt(String::length).max().orElse(0);
                String cell = column.get(row);
                line.append(' ').append(cell).append(" ".repeat(width - cell.length() + 1));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
    }
}
