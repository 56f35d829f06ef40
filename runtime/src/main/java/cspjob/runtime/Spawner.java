package cspjob.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps track of spawned processes for {@link Csp#shutdown()}, and keeps the JVM alive while any
 * runs: a non-daemon "keeper" thread lives exactly as long as spawned processes do. When no other
 * non-daemon thread is left (main has returned without shutdown()) and every spawned process left
 * is blocked on channels with nothing that could ever complete them, the keeper reports them and
 * exits the JVM with status 1 instead of letting it hang (see {@link Csp}).
 */
final class Spawner {
    private static final Set<ProcessRun> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    /** Guarded by LOCK. */
    private static Thread keeper;
    private static final long CHECK_MILLIS = 250;
    /** How many checks in a row must find everything stuck before the JVM is ended. */
    private static final int STUCK_CHECKS = 4;

    private Spawner() {
    }

    static Spawned spawn(CspProcess process) {
        ProcessRun run = new ProcessRun(process, ProcessRun.Origin.SPAWN, 1, 1);
        ProcessRun parent = ProcessRun.current();
        if (parent != null) {
            parent.spawnedChild(run);
        }
        RUNNING.add(run);
        synchronized (LOCK) {
            if (keeper == null) {
                keeper = Thread.ofPlatform().name("cspjob spawn keeper").daemon(false).unstarted(Spawner::keep);
                keeper.start();
            }
        }
        run.start();
        return new Spawned(run);
    }

    static void finished(ProcessRun run) {
        RUNNING.remove(run);
        if (RUNNING.isEmpty()) {
            synchronized (LOCK) {
                LOCK.notifyAll();
            }
        }
    }

    static void awaitAll() {
        ProcessFailedException first = null;
        while (!RUNNING.isEmpty()) {
            for (ProcessRun run : List.copyOf(RUNNING)) {
                run.awaitEnd();
                if (run.failure() != null && !run.reported && first == null) {
                    first = run.failedException();
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The keeper thread's loop. */
    private static void keep() {
        int stuckChecks = 0;
        while (true) {
            synchronized (LOCK) {
                if (RUNNING.isEmpty()) {
                    keeper = null;
                    return;
                }
                try {
                    LOCK.wait(CHECK_MILLIS);
                } catch (InterruptedException e) {
                    keeper = null;
                    return;
                }
            }
            List<ProcessRun> left = List.copyOf(RUNNING);
            boolean stuck = !left.isEmpty() && !otherUserThreadsAlive() && left.stream().allMatch(Spawner::isStuck);
            stuckChecks = stuck ? stuckChecks + 1 : 0;
            if (stuckChecks >= STUCK_CHECKS) {
                List<String> names = new ArrayList<>();
                for (ProcessRun run : left) {
                    names.add(run.toString());
                }
                System.err.println("cspjob: main ended without Csp.shutdown(), and " + left.size()
                        + " spawned process(es) are blocked on channels that nothing can complete: "
                        + String.join(", ", names) + ". Exiting with status 1; check that every read has a writer"
                        + " (and call Csp.shutdown() at the end of main to wait for spawned work).");
                System.err.flush();
                Runtime.getRuntime().halt(1);
            }
        }
    }

    /** A process that can only go on if another process moves: blocked on a channel, or in a Parallel of such. */
    private static boolean isStuck(ProcessRun run) {
        if (run.isFinished()) {
            return true;
        }
        Thread.State state = run.thread().getState();
        if (state == Thread.State.WAITING && parkedInChannelOperation(run.thread())) {
            return true;
        }
        ProcessRun[] children = run.children;
        if (children != null && state == Thread.State.WAITING) {
            for (ProcessRun child : children) {
                if (!isStuck(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether the thread waits, with no deadline, for a channel operation or alternation to complete. */
    private static boolean parkedInChannelOperation(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(Request.class.getName()) && frame.getMethodName().equals("await")) {
                return true;
            }
        }
        return false;
    }

    private static boolean otherUserThreadsAlive() {
        Thread self = Thread.currentThread();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != self && t.isAlive() && !t.isDaemon() && !t.getName().equals("DestroyJavaVM")) {
                return true;
            }
        }
        return false;
    }

}
