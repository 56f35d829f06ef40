package cspjob.results.report;

import cspjob.results.Run;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Prints the latency percentiles of every run and tag: count, p50, p90, p99, p99.9 and max, in nanoseconds. */
final class PercentileTable {
    static final double[] PERCENTILES = {50, 90, 99, 99.9};
    private static final String ROW = "%-40s %12s %12s %12s %12s %12s %12s%n";

    private PercentileTable() {
    }

    /** Prints the table; prints nothing when no run recorded a latency. */
    static void print(List<Run> runs, Map<Run, String> labels, PrintWriter out) {
        if (runs.stream().allMatch(run -> run.latencies().isEmpty())) {
            return;
        }
        out.printf(ROW, "latency (ns)", "count", "p50", "p90", "p99", "p99.9", "max");
        for (Run run : runs) {
            if (run.latencies().isEmpty()) {
                continue;
            }
            out.println(labels.get(run) + "  [" + run.folder() + "]");
            run.latencies().forEach((tag, histogram) -> out.printf(ROW, row("  " + tag, histogram)));
        }
        out.println();
    }

    /** The row's cells: the tag, count, the percentiles, max. */
    static Object[] row(String tag, Histogram histogram) {
        Object[] cells = new Object[PERCENTILES.length + 3];
        cells[0] = tag;
        cells[1] = Long.toString(histogram.getTotalCount());
        for (int i = 0; i < PERCENTILES.length; i++) {
            cells[i + 2] = Long.toString(histogram.getValueAtPercentile(PERCENTILES[i]));
        }
        cells[cells.length - 1] = Long.toString(histogram.getMaxValue());
        return cells;
    }
}
