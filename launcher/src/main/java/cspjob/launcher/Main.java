package cspjob.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import cspjob.launcher.node.LocalNodeStarter;
import cspjob.launcher.node.NodeStarters;
import cspjob.launcher.nodes.Node;
import cspjob.launcher.nodes.NodeList;
import cspjob.launcher.nodes.NodeListException;
import cspjob.launcher.nodes.NodeLists;
import cspjob.launcher.ssh.Preflight;
import cspjob.launcher.ssh.SshNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The {@code cspjob} command line. Exit codes: 0 success, 1 the job failed, 2 bad command line
 * (unknown job, bad option, a node list that cannot be used), 3 some nodes cannot be reached (each
 * is named; nothing was started); with ranks, the first failing rank's exit code (128+N for a rank
 * killed by signal N).
 */
@Command(name = "cspjob", mixinStandardHelpOptions = true, version = "cspjob 0.1.0",
        description = "Runs CSP jobs on this machine or a cluster.",
        subcommands = {Main.Run.class, Main.Jobs.class, BatchCommand.Pbs.class, BatchCommand.Sbatch.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int CANNOT_START = 3;

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

    @Command(name = "run", mixinStandardHelpOptions = true, description = {
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
                return runWithRanks(job, ownArgs, out);
            } catch (CommandLine.ParameterException e) {
                System.err.println("cspjob run " + jobName + ": " + e.getMessage());
                e.getCommandLine().usage(System.err);
                return USAGE;
            }
        }

        /** Ranks on this machine start directly; on other nodes over SSH, once every one of them has been reached. */
        private int runWithRanks(Job job, List<String> args, PrintStream out) throws InterruptedException {
            NodeList nodes;
            try {
                NodeList all = NodeLists.find(launch.hostfile);
                nodes = launch.cores == null ? all : all.firstSlots(launch.cores);
            } catch (NodeListException e) {
                System.err.println("cspjob run " + job.name() + ": " + e.getMessage());
                return USAGE;
            }
            List<String> remote = nodes.nodes().stream().map(Node::host).filter(host -> !LocalNodeStarter.isThisMachine(host)).toList();
            if (remote.isEmpty()) {
                return new RankedRun(job, out, System.err).run(args, nodes, launch, NodeStarters.choose(NodeStarters.NO_REMOTE));
            }
            try (SshNodes ssh = new SshNodes(launch.ssh.settings())) {
                Preflight check = ssh.connectAll(remote);
                if (!check.ok()) {
                    check.report().forEach(System.err::println);
                    return CANNOT_START;
                }
                return new RankedRun(job, out, System.err).run(args, nodes, launch, NodeStarters.choose(ssh::start));
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
