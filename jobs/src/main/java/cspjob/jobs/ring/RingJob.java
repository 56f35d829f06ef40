package cspjob.jobs.ring;

import cspjob.launcher.Job;
import cspjob.launcher.JobOptions;
import cspjob.results.RunFolderException;
import cspjob.results.RunRecorder;
import cspjob.results.SeriesRecorder;
import cspjob.runtime.ProcessKind;
import cspjob.runtime.Workers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Recorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cspjob run ring}: the token ring of "Scaling PyCSP" (seed 000 Fig. 2): hops per second. */
public final class RingJob implements Job {

    @Command(name = "ring", mixinStandardHelpOptions = true,
            description = {"A ring of processes passing tokens (Scaling PyCSP, Listings 3-4 and Fig. 2).",
                "Under `cspjob run ring --cores N` the elements are cluster processes placed on the ranks;",
                "otherwise they run in this JVM as the --kind says."})
    static final class Options {
        @Option(names = "--elements", description = "processes in the ring (default: 1000)")
        Integer elements;

        @Option(names = "--tokens", description = "tokens going round at once, 1 to the number of elements (default: ${DEFAULT-VALUE})")
        int tokens = 1;

        @Option(names = "--hops", description = "hops to make in all, rounded to whole laps (default: ${DEFAULT-VALUE})")
        long hops = 200_000;

        @Option(names = "--become-home", description = "each element makes its JVM the home of its input channel first")
        boolean becomeHome;

        @Option(names = "--kind", description = "process kind of the elements: ${COMPLETION-CANDIDATES}"
                + " (default: cluster under `cspjob run --cores`, else virtual)")
        ProcessKind kind;

        @Option(names = "--runs", description = "timed runs after one warm-up run (default: ${DEFAULT-VALUE})")
        int runs = 3;

        @Option(names = "--out", paramLabel = "DIR", description = "the run folder to write (default: runs/ring-TIMESTAMP)")
        Path out;
    }

    @Override
    public String name() {
        return "ring";
    }

    @Override
    public String summary() {
        return "a ring of processes passing 1..N tokens, with or without becomeHome: hops per second";
    }

    @Override
    public List<Class<?>> types() {
        return Ring.TYPES;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Options options = new Options();
        if (!JobOptions.parse(options, args, out)) {
            return 0;
        }
        ProcessKind kind = options.kind != null ? options.kind : Workers.canPlace() ? ProcessKind.CLUSTER : ProcessKind.VIRTUAL;
        int elements = options.elements != null ? options.elements : 1_000;
        check(elements < 1, "--elements must be at least 1");
        check(options.tokens < 1 || options.tokens > elements, "--tokens must be from 1 to the number of elements (" + elements + ")");
        check(options.hops < 1, "--hops must be at least 1");
        check(options.runs < 1, "--runs must be at least 1");
        check(kind == ProcessKind.CLUSTER && !Workers.canPlace(),
                "--kind cluster needs ranks to place the elements on: run it as `cspjob run ring --cores N ...`");
        RunRecorder recorder;
        try {
            recorder = RunRecorder.start(name(), options.out);
        } catch (RunFolderException e) {
            throw new CommandLine.ParameterException(new CommandLine(new Options()), e.getMessage());
        }
        try (RunRecorder run = recorder) {
            System.err.println("ring: recording in " + run.folder());
            measure(options, elements, kind, run, run.tee(out));
        }
        return 0;
    }

    /** The runs, each lap's time per hop in the histogram, hops per second per run as a series. */
    private static void measure(Options options, int elements, ProcessKind kind, RunRecorder run, PrintStream out) {
        run.parameter("elements", elements).parameter("tokens", options.tokens).parameter("hops", options.hops)
                .parameter("become-home", options.becomeHome).parameter("kind", kind.name().toLowerCase());
        Recorder hopNanos = run.latency("ns-per-hop");
        SeriesRecorder series = run.series("hops/s", "run", "hops/s");
        out.printf("ring: %,d elements (%s), %d token%s, %,d hops per run%s%n", elements, kind.name().toLowerCase(), options.tokens,
                options.tokens == 1 ? "" : "s", options.hops, options.becomeHome ? ", becomeHome" : "");
        Ring.run(elements, options.tokens, Math.min(options.hops, 10L * elements * options.tokens), options.becomeHome, kind);
        double best = 0;
        for (int i = 1; i <= options.runs; i++) {
            Ring.Outcome outcome = Ring.run(elements, options.tokens, options.hops, options.becomeHome, kind);
            outcome.lapNanos().forEach(lap -> hopNanos.recordValue(Math.max(1, lap / elements)));
            series.add(i, outcome.hopsPerSecond());
            run.count("hops", outcome.hops());
            best = Math.max(best, outcome.hopsPerSecond());
            out.printf("run %d: %,d hops in %.3f s: %,.0f hops/s, %.0f ns per hop%n", i, outcome.hops(), outcome.nanos() / 1e9,
                    outcome.hopsPerSecond(), 1e9 / outcome.hopsPerSecond() * options.tokens);
        }
        run.figure("best hops/s", best);
        out.printf("best: %,.0f hops/s%n", best);
    }

    private static void check(boolean bad, String message) {
        if (bad) {
            throw new CommandLine.ParameterException(new CommandLine(new Options()), message); // usage with the defaults
        }
    }
}
