package cspjob.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import cspjob.launcher.node.NodeStarters;
import cspjob.launcher.nodes.NodeList;
import cspjob.launcher.nodes.NodeListException;
import cspjob.launcher.nodes.NodeLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The {@code cspjob} command line. Exit codes: 0 success, 1 the job failed, 2 bad command line
 * (unknown job, bad option, a node list that cannot be used); with ranks, the first failing rank's
 * exit code (128+N for a rank killed by signal N).
 */
@Command(name = "cspjob", mixinStandardHelpOptions = true, version = "cspjob 0.1.0",
        description = "Runs CSP jobs on this machine or a cluster.",
        subcommands = {Main.Run.class, Main.Jobs.class, BatchCommand.Pbs.class, BatchCommand.Sbatch.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line; everything after the job name belongs to the job. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setStopAtPositional(true);
    }

    static Map<String, Job> jobs() {
        Map<String, Job> jobs = new TreeMap<>();
        for (Job job : ServiceLoader.load(Job.class)) {
            jobs.put(job.name(), job);
        }
        return jobs;
    }

    @Command(name = "run", description = {
            "Runs a job: cspjob run JOB [job options] [--cores N ...]; `cspjob run JOB --help` lists the job's options.",
            "Without --cores or --hostfile the job runs in this JVM alone; with them, one rank JVM per core (or per node)"
                    + " runs on the node list's first N slots, and the job's cluster processes run on the ranks."})
    static final class Run implements Callable<Integer> {
        @Mixin
        LaunchOptions launch = new LaunchOptions();

        @Parameters(index = "0", paramLabel = "JOB", description = "the job to run (see `cspjob jobs`)")
        String jobName;

        @Parameters(index = "1..*", paramLabel = "JOB_OPTIONS", description = "the job's own options")
        List<String> jobArgs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Map<String, Job> jobs = jobs();
            Job job = jobs.get(jobName);
            if (job == null) {
                System.err.println("cspjob: unknown job '" + jobName + "'; the jobs found are: "
                        + String.join(", ", jobs.keySet()) + " (see `cspjob jobs`)");
                return USAGE;
            }
            PrintStream out = System.out;
            cspjob.runtime.Csp.registerTypes(job.types().toArray(Class<?>[]::new));
            try {
                List<String> ownArgs = launch.takeFrom(jobArgs);
                if (!launch.wantsRanks()) {
                    return job.run(ownArgs, out);
                }
                NodeList nodes;
                try {
                    NodeList all = NodeLists.find(launch.hostfile);
                    nodes = launch.cores == null ? all : all.firstSlots(launch.cores);
                } catch (NodeListException e) {
                    System.err.println("cspjob run " + jobName + ": " + e.getMessage());
                    return USAGE;
                }
                // Hosts other than this machine need a way in: the SSH node starter plugs in here.
                return new RankedRun(job, out, System.err).run(ownArgs, nodes, launch, NodeStarters.choose(NodeStarters.NO_REMOTE));
            } catch (CommandLine.ParameterException e) {
                System.err.println("cspjob run " + jobName + ": " + e.getMessage());
                e.getCommandLine().usage(System.err);
                return USAGE;
            }
        }
    }

    @Command(name = "jobs", description = "Lists the jobs found on the classpath.")
    static final class Jobs implements Callable<Integer> {
        @Override
        public Integer call() {
            jobs().values().forEach(job -> System.out.printf("%-12s %s%n", job.name(), job.summary()));
            return 0;
        }
    }
}
