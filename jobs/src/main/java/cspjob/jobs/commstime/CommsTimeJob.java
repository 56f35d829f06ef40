package cspjob.jobs.commstime;

import cspjob.launcher.Job;
import cspjob.launcher.JobOptions;
import cspjob.runtime.ProcessKind;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cspjob run commstime}: the CommsTime network on this machine, time per communication. */
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
        out.printf("commstime: %,d iterations x %d runs, %s processes%n", options.iterations, options.runs,
                options.kind.name().toLowerCase());
        CommsTime.nanosPerCommunication(options.iterations, options.kind);
        double best = Double.MAX_VALUE;
        for (int run = 1; run <= options.runs; run++) {
            double ns = CommsTime.nanosPerCommunication(options.iterations, options.kind);
            best = Math.min(best, ns);
            out.printf("run %d: %.0f ns per communication%n", run, ns);
        }
        out.printf("best: %.0f ns per communication (%.0f ns per loop of 4)%n", best, 4 * best);
        return 0;
    }
}
