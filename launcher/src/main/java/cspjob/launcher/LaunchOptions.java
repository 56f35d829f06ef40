package cspjob.launcher;

import cspjob.launcher.placement.PlacementScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import cspjob.launcher.ssh.SshOptions;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options of {@code cspjob run} that say where a job's ranks run. They may stand before or
 * after the job's name ({@code cspjob run ring --cores 8} and {@code cspjob run --cores 8 ring}),
 * so these names (and those of the SSH options) are never a job's own options. Ranks are started only when {@code --cores} or
 * {@code --hostfile} is given; without them a job runs in the {@code cspjob} JVM alone.
 */
public final class LaunchOptions {
    /** What a rank JVM stands for. */
    public enum JvmPer { CORE, NODE }


    @Option(names = "--cores", paramLabel = "N",
            description = "run N ranks: the first N slots of the node list (--hostfile, else $PBS_NODEFILE, else $SLURM_JOB_NODELIST, else this machine's cores)")
    Integer cores;

    @Option(names = "--hostfile", paramLabel = "FILE",
            description = "the node list: one host a line, a host once per slot or as 'HOST slots=N'; # starts a comment")
    Path hostfile;

    @Option(names = "--placement", paramLabel = "SCHEME",
            description = "how ranks fill the slots: blocked (a node's slots first) or strided (round-robin over the nodes); default blocked")
    PlacementScheme placement;

    @Option(names = "--jvm-per", paramLabel = "core|node",
            description = "one rank JVM per core (default), or one per node using all of its slots")
    JvmPer jvmPer;

    @Option(names = "--start-timeout", paramLabel = "SECONDS",
            description = "how long ranks may take to start before the job is given up; default 60")
    Integer startTimeout;

    @Option(names = "--verbose", description = "say on stderr which nodes the ranks run on, and when they are all ready")
    boolean verbose;

    /** How to reach nodes other than this machine. */
    @Mixin
    SshOptions ssh = new SshOptions();

    /** Whether the user asked for ranks. */
    boolean wantsRanks() {
        return cores != null || hostfile != null;
    }

    PlacementScheme placementOrDefault() {
        return placement == null ? PlacementScheme.BLOCKED : placement;
    }

    JvmPer jvmPerOrDefault() {
        return jvmPer == null ? JvmPer.CORE : jvmPer;
    }

    int startTimeoutOrDefault() {
        return startTimeout == null ? 60 : startTimeout;
    }

    /**
     * Takes this command's options out of {@code jobArgs} (what followed the job's name) into
     * these options, overriding any given before the name; returns the job's own arguments.
     * Which words are ours, and which take a value, comes from the options declared here.
     *
     * @throws CommandLine.ParameterException for a bad value
     */
    List<String> takeFrom(List<String> jobArgs) {
        CommandSpec spec = new CommandLine(this).getCommandSpec();
        List<String> ours = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        for (int i = 0; i < jobArgs.size(); i++) {
            String arg = jobArgs.get(i);
            if (arg.equals("--")) {
                theirs.addAll(jobArgs.subList(i, jobArgs.size()));
                break;
            }
            OptionSpec option = spec.findOption(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
            if (option == null || !arg.startsWith("--")) {
                theirs.add(arg);
                continue;
            }
            ours.add(arg);
            if (!arg.contains("=") && option.arity().max() > 0 && i + 1 < jobArgs.size()) {
                ours.add(jobArgs.get(++i));
            }
        }
        if (!ours.isEmpty()) {
            LaunchOptions after = new LaunchOptions();
            CommandLine parsed = new CommandLine(after).setCaseInsensitiveEnumValuesAllowed(true);
            parsed.parseArgs(ours.toArray(String[]::new));
            for (OptionSpec given : parsed.getCommandSpec().options()) {
                if (!given.originalStringValues().isEmpty()) {
                    spec.findOption(given.longestName()).setValue(given.getValue());
                }
            }
        }
        if (cores != null && cores < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--cores must be at least 1, not " + cores);
        }
        if (startTimeout != null && startTimeout < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--start-timeout must be at least 1 second");
        }
        return theirs;
    }
}
