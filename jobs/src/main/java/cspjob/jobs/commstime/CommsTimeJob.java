package cspjob.jobs.commstime;

import cspjob.launcher.Job;
import cspjob.launcher.JobOptions;
import cspjob.results.Progress;
import cspjob.results.RunFolderException;
import cspjob.results.RunRecorder;
import cspjob.results.SeriesRecorder;
import cspjob.runtime.ProcessKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cspjob run commstime}: the CommsTime network on this machine, time per communication. Each run
 * is recorded in a run folder ({@code runs/commstime-TIMESTAMP}, or {@code --out}): the nanoseconds per
 * communication of every timed run as a series and as a latency histogram, and the best as a figure.
 */
public final class CommsTimeJob implements Job {

    @Command(name = "commstime", mixinStandardHelpOptions = true,
            description = "JCSP's CommsTime network (prefix, delta, successor, consumer): time per channel communication.")
    static final class Options {
        @Option(names = "--iterations", description = "values the consumer times per run (default: ${DEFAULT-VALUE})")
        int iterations = 200_000;

        @Option(names = "--runs", description = "timed runs after one warm-up run (default: ${DEFAULT-VALUE})")
        int runs = 5;

        @Option(names = "--kind", description = "process kind: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        ProcessKind kind = ProcessKind.VIRTUAL;

        @Option(names = "--out", paramLabel = "DIR", description = "the run folder to write (default: runs/commstime-TIMESTAMP)")
        Path out;
    }

    @Override
    public String name() {
        return "commstime";
    }

    @Override
    public String summary() {
        return "JCSP's CommsTime network: nanoseconds per channel communication";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Options options = new Options();
        if (!JobOptions.parse(options, args, out)) {
            return 0;
        }
        if (options.iterations < 1 || options.runs < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(options),
                    "--iterations and --runs must be at least 1");
        }
        RunRecorder recorder;
        try {
            recorder = RunRecorder.start(name(), options.out);
        } catch (RunFolderException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(options), e.getMessage());
        }
        try (RunRecorder run = recorder) {
            System.err.println("commstime: recording in " + run.folder());
            Progress progress = Progress.onStandardError("commstime runs");
            measure(options, run, progress, progress.above(run.tee(out)));
        }
        return 0;
    }

    private static void measure(Options options, RunRecorder run, Progress progress, PrintStream out) {
        run.parameter("iterations", options.iterations).parameter("runs", options.runs)
                .parameter("kind", options.kind.name().toLowerCase());
        // The histogram holds one value per timed run: CommsTime times a whole loop, never one communication.
        Recorder nanos = run.latency("ns-per-communication");
        SeriesRecorder series = run.series("ns per communication", "run", "ns per communication");
        out.printf("commstime: %,d iterations x %d runs, %s processes%n", options.iterations, options.runs,
                options.kind.name().toLowerCase());
        CommsTime.nanosPerCommunication(options.iterations, options.kind);
        double best = Double.MAX_VALUE;
        for (int i = 1; i <= options.runs; i++) {
            double ns = CommsTime.nanosPerCommunication(options.iterations, options.kind);
            best = Math.min(best, ns);
            nanos.recordValue(Math.round(ns));
            series.add(i, ns);
            run.count("communications", 4L * options.iterations);
            progress.update(i, options.runs);
            out.printf("run %d: %.0f ns per communication%n", i, ns);
        }
        progress.finish();
        run.figure("best ns per communication", best);
        out.printf("best: %.0f ns per communication (%.0f ns per loop of 4)%n", best, 4 * best);
    }
}
