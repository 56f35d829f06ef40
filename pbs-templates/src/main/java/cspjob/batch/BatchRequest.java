package cspjob.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a batch script runs and asks for: the job and its options, the nodes, cores per node and
 * time, and where {@code bin/cspjob} is. Checked when made: a bad value throws
 * {@link IllegalArgumentException} with a message that names the option and says what to give.
 *
 * @param job         the job's name, e.g. {@code commstime}
 * @param jobOptions  the job's own options, passed on word for word
 * @param nodes       nodes to ask for (PBS {@code nodes=}, Slurm {@code --nodes})
 * @param ppn         cores (ranks) per node (PBS {@code ppn=}, Slurm {@code --ntasks-per-node})
 * @param walltime    the time limit
 * @param queue       the queue (Slurm: partition), or null for the site's default
 * @param name        the batch job's name, shown by qstat and squeue and naming the output files
 * @param cspjob      the absolute path of {@code bin/cspjob} on the nodes
 */
public record BatchRequest(String job, List<String> jobOptions, int nodes, int ppn, Walltime walltime,
                           String queue, String name, Path cspjob) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.@-]+");

    public BatchRequest {
        jobOptions = List.copyOf(jobOptions);
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1, not " + nodes);
        }
        if (ppn < 1) {
            throw new IllegalArgumentException("--ppn (cores per node) must be at least 1, not " + ppn);
        }
        cores(nodes, ppn);
        if (queue != null && !QUEUE.matcher(queue).matches()) {
            throw new IllegalArgumentException("--queue '" + queue + "' is not a queue name (letters, digits, _ . @ -)");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--name '" + name
                    + "' is not a batch job name: start with a letter, then letters, digits, _ . or -");
        }
        if (!cspjob.isAbsolute()) {
            throw new IllegalArgumentException("the path of bin/cspjob must be absolute (the job runs in another directory): " + cspjob);
        }
    }

    /** Every rank of the job: nodes x cores per node. */
    public int cores() {
        return cores(nodes, ppn);
    }

    private static int cores(int nodes, int ppn) {
        long cores = (long) nodes * ppn;
        if (cores > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--nodes " + nodes + " x --ppn " + ppn + " is more cores than cspjob can count");
        }
        return (int) cores;
    }

    /** The default batch job name: the job's name, cut to what the scheduler takes. */
    public static String defaultName(String job, Scheduler scheduler) {
        String name = job.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "cspjob-" + name;
        }
        return name.substring(0, Math.min(name.length(), scheduler.maxNameLength()));
    }
}
