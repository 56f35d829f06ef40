package cspjob.launcher;

import cspjob.batch.BatchRequest;
import cspjob.batch.BatchScript;
import cspjob.batch.Scheduler;
import cspjob.batch.Walltime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cspjob pbs} and {@code cspjob sbatch}: write a batch script that runs
 * {@code cspjob run JOB --cores N*P [job options]} inside the allocation, from the templates of
 * the pbs-templates module. Exit codes: 0 written, 1 the file could not be written, 2 bad input.
 */
abstract sealed class BatchCommand implements Callable<Integer> permits BatchCommand.Pbs, BatchCommand.Sbatch {
    @Mixin
    BatchOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB", description = "the job to run (see `cspjob jobs`)")
    String jobName;

    @Parameters(index = "1..*", paramLabel = "JOB_OPTIONS",
            description = "the job's own options, passed on as given (after `--` even those named like ours)")
    List<String> words = new ArrayList<>();

    @Spec
    CommandSpec spec;

    abstract Scheduler scheduler();

    /** The command users submit the script with, for the closing hint. */
    abstract String submitCommand();

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        String command = "cspjob " + spec.name();
        try {
            BatchOptions.Split split = options.takeFrom(words, commandLine);
            if (split.helpAsked()) {
                commandLine.usage(System.out);
                return 0;
            }
            String script = BatchScript.write(scheduler(), request(split), runTakesCores());
            return write(script, split.options().output, command, submitCommand());
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            System.err.println("Try `" + command + " --help`.");
            return Main.USAGE;
        }
    }

    private BatchRequest request(BatchOptions.Split split) {
        BatchOptions given = split.options();
        List<String> missing = new ArrayList<>();
        if (jobName == null) {
            missing.add("JOB");
        }
        if (given.nodes == null) {
            missing.add("--nodes N");
        }
        if (given.ppn == null) {
            missing.add("--ppn P");
        }
        if (given.walltime == null) {
            missing.add("--walltime T");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing " + String.join(", ", missing)
                    + " (e.g. cspjob " + spec.name() + " commstime --nodes 2 --ppn 4 --walltime 0:30:00)");
        }
        Map<String, Job> jobs = Main.jobs();
        if (!jobs.containsKey(jobName)) {
            throw new IllegalArgumentException("unknown job '" + jobName + "'; the jobs found are: "
                    + String.join(", ", jobs.keySet()) + " (see `cspjob jobs`)");
        }
        String name = given.name != null ? given.name : BatchRequest.defaultName(jobName, scheduler());
        Path cspjob = given.cspjob != null ? given.cspjob : Installation.cspjobScript();
        return new BatchRequest(jobName, split.jobOptions(), given.nodes, given.ppn, Walltime.parse(given.walltime),
                given.queue, name, cspjob);
    }

    /** Whether this cspjob's {@code run} takes {@code --cores}, which the batch script passes. */
    private boolean runTakesCores() {
        CommandSpec root = spec.root();
        CommandLine run = root.subcommands().get("run");
        return run != null && run.getCommandSpec().findOption("--cores") != null;
    }

    private static int write(String script, Path output, String command, String submit) {
        if (output == null) {
            System.out.print(script);
            System.out.flush();
            return 0;
        }
        Path file = output.toAbsolutePath();
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | UnsupportedOperationException e) {
            System.err.println(command + ": cannot write the script to " + file + ": " + e
                    + " (check that its folder exists and is writable)");
            return Main.FAILED;
        }
        System.err.println(command + ": wrote " + file + "; submit it with: " + submit + " " + file);
        return 0;
    }

    @CommandLine.Command(name = "pbs", mixinStandardHelpOptions = true,
            description = "Writes a PBS (qsub) script that runs a job on the nodes it asks for: "
                    + "cspjob pbs JOB --nodes N --ppn P --walltime T [--queue Q] [--name X] [-o FILE] [job options]")
    static final class Pbs extends BatchCommand {
        @Override
        Scheduler scheduler() {
            return Scheduler.PBS;
        }

        @Override
        String submitCommand() {
            return "qsub";
        }
    }

    @CommandLine.Command(name = "sbatch", mixinStandardHelpOptions = true,
            description = "Writes a Slurm (sbatch) script that runs a job on the nodes it asks for: "
                    + "cspjob sbatch JOB --nodes N --ppn P --walltime T [--queue Q] [--name X] [-o FILE] [job options]")
    static final class Sbatch extends BatchCommand {
        @Override
        Scheduler scheduler() {
            return Scheduler.SLURM;
        }

        @Override
        String submitCommand() {
            return "sbatch";
        }
    }
}
