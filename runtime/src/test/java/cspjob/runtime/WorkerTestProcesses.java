package cspjob.runtime;

import java.util.List;

/** Processes that {@link WorkersTest} sends to worker JVMs: records of registered types. */
public final class WorkerTestProcesses {
    static final List<Class<?>> TYPES = List.of(WhereAmI.class, Chain.class, Squares.class);

    private WorkerTestProcesses() {
    }

    /** Answers with the process id of the JVM it runs in. */
    public record WhereAmI() implements CspFunction<Long> {
        @Override
        public Long call() {
            return ProcessHandle.current().pid();
        }
    }

    /**
     * A self-spawning chain of cluster processes: each link runs in some worker, starts the next link
     * as a cluster process from there, and returns the process ids of the JVMs the chain ran in.
     */
    public record Chain(int links) implements CspFunction<List<Long>> {
        @Override
        @SuppressWarnings("unchecked")
        public List<Long> call() {
            long here = ProcessHandle.current().pid();
            if (links == 1) {
                return List.of(here);
            }
            List<Long> rest = (List<Long>) Csp.parallel(new Chain(links - 1).as(ProcessKind.CLUSTER)).getFirst();
            List<Long> all = new java.util.ArrayList<>(rest);
            all.addFirst(here);
            return all;
        }
    }

    /** Writes the squares of 1..count to its channel, then retires. */
    public record Squares(ChannelWriter<Long> out, int count) implements CspProcess {
        @Override
        public void run() {
            for (long i = 1; i <= count; i++) {
                out.write(i * i);
            }
            out.retire();
        }
    }
}
