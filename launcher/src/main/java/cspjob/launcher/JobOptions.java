package cspjob.launcher;

import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;

/** Parses a job's options with picocli: the options object carries {@code @Option} fields and a {@code @Command} name. */
public final class JobOptions {
    private JobOptions() {
    }

    /**
     * Fills {@code options} from {@code args}.
     *
     * @return false when the user asked for {@code --help} (the usage has then been printed to {@code out})
     * @throws CommandLine.ParameterException for a bad option; {@code cspjob} prints it with the usage and exits with 2
     */
    public static boolean parse(Object options, List<String> args, PrintStream out) {
        CommandLine commandLine = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.parseArgs(args.toArray(String[]::new));
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(out);
            return false;
        }
        return true;
    }
}
