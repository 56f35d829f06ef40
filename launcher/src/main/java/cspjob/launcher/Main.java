package cspjob.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The {@code cspjob} command line. Exit codes: 0 success, 1 the job failed, 2 bad command line
 * (unknown job, bad option).
 */
@Command(name = "cspjob", mixinStandardHelpOptions = true, version = "cspjob 0.1.0",
        description = "Runs CSP jobs on this machine or a cluster.",
        subcommands = {Main.Run.class, Main.Jobs.class, cspjob.results.report.ReportCommand.class, CommandLine.HelpCommand.class})
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

    @Command(name = "run", description = "Runs a job on this machine: cspjob run JOB [job options]; `cspjob run JOB --help` lists them.")
    static final class Run implements Callable<Integer> {
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
            try {
                return job.run(jobArgs, out);
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
