package cspjob.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Runs processes: {@link #parallel} (start all, wait for all), {@link #spawn} (start and go on),
 * {@link #sequence} (one after another) and {@link #shutdown} (wait for everything spawned).
 * With a static import a program reads like PyCSP:
 *
 * <pre>{@code
 * import static cspjob.runtime.Csp.*;
 *
 * Channel<Integer> c = new Channel<>("c");
 * var in = c.reader(); var out = c.writer();
 * parallel(() -> out.write(42), CspFunction.of(() -> in.read()));   // [null, 42]
 * }</pre>
 *
 * <p><b>If a program forgets {@code shutdown()}:</b> spawned work is neither dropped nor left to hang
 * the JVM. While spawned processes run, cspjob keeps the JVM alive, so they finish after {@code main}
 * returns as if {@code shutdown()} had been called. If {@code main} has ended and every spawned
 * process left is blocked on a channel that nothing can ever complete, cspjob names them on standard
 * error and ends the JVM with exit status 1 instead of hanging (PyCSP would hang).
 */
public final class Csp {
    private Csp() {
    }

    /**
     * Runs the processes at once and waits for all of them.
     *
     * @return their results in order (null for processes that are not {@link CspFunction}s or that ended by poison or retirement)
     * @throws ProcessFailedException for the first process that failed; later failures are suppressed in it
     */
    public static List<Object> parallel(CspProcess... processes) {
        return parallel(Arrays.asList(processes));
    }

    /** As {@link #parallel(CspProcess...)}, for a list of processes. */
    public static List<Object> parallel(List<? extends CspProcess> processes) {
        int n = processes.size();
        ProcessRun[] runs = new ProcessRun[n];
        for (int i = 0; i < n; i++) {
            runs[i] = new ProcessRun(processes.get(i), ProcessRun.Origin.PARALLEL, i + 1, n).start();
        }
        ProcessRun parent = ProcessRun.current();
        if (parent != null) {
            parent.children = runs;
        }
        try {
            for (ProcessRun run : runs) {
                run.awaitEnd();
            }
        } finally {
            if (parent != null) {
                parent.children = null;
            }
        }
        return outcome(runs);
    }

    /**
     * Runs the processes one after another, each under its own kind, and returns their results;
     * stops at the first that fails.
     */
    public static List<Object> sequence(CspProcess... processes) {
        List<Object> results = new ArrayList<>(processes.length);
        for (int i = 0; i < processes.length; i++) {
            ProcessRun run = new ProcessRun(processes[i], ProcessRun.Origin.SEQUENCE, i + 1, processes.length).start();
            run.awaitEnd();
            results.addAll(outcome(new ProcessRun[] {run}));
        }
        return results;
    }

    /**
     * Starts one process and returns at once; {@link #shutdown()} (or the handle) waits for it. When
     * called inside a process, that process does not end until the spawned one has (as in PyCSP).
     */
    public static Spawned spawn(CspProcess process) {
        return Spawner.spawn(process);
    }

    /** Starts the processes and returns at once; {@link #shutdown()} waits for them. */
    public static List<Spawned> spawn(CspProcess... processes) {
        List<Spawned> handles = new ArrayList<>(processes.length);
        for (CspProcess p : processes) {
            handles.add(Spawner.spawn(p));
        }
        return handles;
    }

    /**
     * Waits until every spawned process (including those spawned meanwhile) has ended.
     *
     * @throws ProcessFailedException for the first spawned process that failed and whose failure no
     *                                {@link Spawned#join()} has reported yet
     */
    public static void shutdown() {
        Spawner.awaitAll();
    }

    /**
     * Makes value types (records, enums, plain classes) able to cross JVMs: the values written to
     * channels whose home is another JVM, and jvm processes themselves. Call it at the start of
     * main, before the first channel end leaves the JVM; JVMs that cspjob starts get the same types.
     * Nothing else is ever built from a peer's bytes.
     */
    public static void registerTypes(Class<?>... types) {
        Network.registerTypes(types);
    }

    private static List<Object> outcome(ProcessRun[] runs) {
        ProcessRun first = null;
        for (ProcessRun run : runs) {
            if (run.failure() != null && (first == null || run.failureOrder() < first.failureOrder())) {
                first = run;
            }
        }
        if (first != null) {
            ProcessFailedException failed = first.failedException();
            for (ProcessRun run : runs) {
                if (run != first && run.failure() != null) {
                    failed.addSuppressed(run.failedException());
                }
            }
            throw failed;
        }
        Object[] results = new Object[runs.length];
        for (int i = 0; i < runs.length; i++) {
            results[i] = runs[i].result();
        }
        return Collections.unmodifiableList(Arrays.asList(results));
    }
}
