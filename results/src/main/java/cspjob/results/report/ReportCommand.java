package cspjob.results.report;

import cspjob.results.Run;
import cspjob.results.RunFolderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cspjob report RUN...}: prints the latency percentiles, figures and series of the runs given, and
 * draws every series as an SVG chart like seed 000 Fig. 1-3, overlaying the runs (labelled by the
 * parameters that differ between them). Exit codes: 0 done, 1 a chart could not be written, 2 a run
 * folder is missing or damaged.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Prints percentile tables of runs and draws their series as SVG charts, overlaying the runs given.")
public final class ReportCommand implements Callable<Integer> {
    static final int CHART_FAILED = 1;
    static final int BAD_RUN = 2;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run folders, e.g. runs/ring-20261122-074512 or runs/ring-*")
    List<Path> runFolders = new ArrayList<>();

    @Option(names = "--charts", paramLabel = "DIR", description = "where the SVG charts go (default: ${DEFAULT-VALUE})")
    Path chartFolder = Path.of("report");

    @Option(names = "--no-charts", description = "print the tables only")
    boolean noCharts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Run> runs = new ArrayList<>();
        try {
            for (Path folder : runFolders) {
                runs.add(Run.read(folder));
            }
        } catch (RunFolderException e) {
            err.println("cspjob report: " + e.getMessage());
            err.flush();
            return BAD_RUN;
        }
        Map<Run, String> labels = RunLabels.of(runs);
        PercentileTable.print(runs, labels, out);
        SeriesTable.printFigures(runs, labels, out);
        List<ChartLines> charts = ChartLines.of(runs, labels);
        charts.forEach(chart -> SeriesTable.printLines(chart, out));
        if (!noCharts && !charts.isEmpty()) {
            Path file = chartFolder;
            try {
                Files.createDirectories(chartFolder);
                for (ChartLines chart : charts) {
                    file = chartFolder.resolve(chart.fileName());
                    SvgChart.write(chart, file);
                    out.println("chart: " + file);
                }
            } catch (IOException e) {
                err.println("cspjob report: cannot write the chart " + file + " (" + e + "); give a writable --charts folder");
                err.flush();
                return CHART_FAILED;
            }
        }
        out.flush();
        return 0;
    }
}
