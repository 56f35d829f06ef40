package cspjob.launcher;

import java.io.PrintStream;
import java.util.List;

/**
 * A job that {@code cspjob run NAME} can run. Jobs are found on the classpath with
 * {@link java.util.ServiceLoader}: to add one, implement this interface, list the class in
 * {@code META-INF/services/cspjob.launcher.Job} of a jar, and put the jar next to cspjob's.
 */
public interface Job {
    /** The name given to {@code cspjob run}, e.g. {@code commstime}. */
    String name();

    /** One line for {@code cspjob jobs}. */
    String summary();

    /**
     * The types this job sends to other JVMs (its processes of kind cluster or jvm, and the values
     * they exchange). {@code cspjob run} registers them ({@link cspjob.runtime.Csp#registerTypes})
     * before it starts any rank, so that every rank knows them too.
     */
    default java.util.List<Class<?>> types() {
        return java.util.List.of();
    }

    /**
     * Runs the job. With {@code --cores} (or {@code --hostfile}) its ranks are ready when this is
     * called, and processes of kind {@code CLUSTER} run on them.
     *
     * @param args the job's own options (what follows the job name)
     * @param out  where the job prints its results
     * @return the exit code: 0 for success
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
