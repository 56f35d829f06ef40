package cspjob.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the batch script that runs a cspjob job inside a PBS or Slurm allocation.
 *
 * <pre>{@code
 * BatchRequest request = new BatchRequest("commstime", List.of("--runs", "3"), 2, 4,
 *         Walltime.parse("0:30:00"), null, "commstime", Path.of("/opt/cspjob/bin/cspjob"));
 * String script = BatchScript.write(Scheduler.SLURM, request, true);
 * }</pre>
 *
 * The script asks for the nodes, cores and time, works in the directory it was submitted from (so
 * run folders and output files land there), prints where its node list came from, and runs
 * {@code cspjob run JOB --cores NODES*PPN [job options]}. Templates: {@code pbs.sh},
 * {@code sbatch.sh} and the shared {@code run.sh} in this package's resources.
 */
public final class BatchScript {
    private BatchScript() {
    }

    /**
     * @param runTakesCores whether this cspjob's {@code run} takes {@code --cores}; when it does
     *                      not, the script says so and runs the job without it
     */
    public static String write(Scheduler scheduler, BatchRequest request, boolean runTakesCores) {
        if (request.name().length() > scheduler.maxNameLength()) {
            throw new IllegalArgumentException("--name '" + request.name() + "' is longer than the "
                    + scheduler.maxNameLength() + " characters " + scheduler.name().toLowerCase() + " takes");
        }
        List<String> arguments = new ArrayList<>();
        arguments.add(ShellWords.quote(request.job()));
        if (runTakesCores) {
            arguments.add("--cores \"$TOTAL\"");
        }
        if (!request.jobOptions().isEmpty()) {
            arguments.add(ShellWords.join(request.jobOptions()));
        }
        String run = Template.load("run.sh").fill(Map.of(
                "cores", Integer.toString(request.cores()),
                "cores_note", runTakesCores ? ""
                        : "# This cspjob's `run` has no --cores option yet: the job runs in one JVM on the first node.",
                "cspjob", ShellWords.quote(request.cspjob().toString()),
                "arguments", String.join(" ", arguments))).stripTrailing();
        return Template.load(scheduler.template).fill(Map.of(
                "job", request.job().replaceAll("\\s", "_"),
                "name", request.name(),
                "nodes", Integer.toString(request.nodes()),
                "ppn", Integer.toString(request.ppn()),
                "walltime", scheduler.walltime(request.walltime()),
                "queue", request.queue() == null ? "" : scheduler.queueDirective + request.queue(),
                "run", run));
    }
}
