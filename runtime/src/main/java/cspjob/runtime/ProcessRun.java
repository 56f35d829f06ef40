package cspjob.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One started process: its thread, its outcome, and what it is waiting for. The outcome fields are
 * written by the process's own thread and read by others after {@link Thread#join()}.
 */
final class ProcessRun implements Runnable {
    private static final ScopedValue<ProcessRun> CURRENT = ScopedValue.newInstance();
    private static final AtomicLong FAILURES = new AtomicLong();

    /** How a process was started, for messages. */
    enum Origin { PARALLEL, SEQUENCE, SPAWN }

    final CspProcess process;
    // Where it was started ("2 of 4 in parallel"): kept as numbers, made into words only for a message.
    private final Origin origin;
    private final int position;
    private final int count;
    private Thread thread;

    /** The processes of the Parallel this process is waiting for, else null. */
    volatile ProcessRun[] children;
    /** Set when the body and every process it spawned have ended, with the result or failure already in place. */
    private volatile boolean finished;

    /** Processes this one spawned; it waits for them before it ends (as PyCSP's processes do). Own thread only. */
    private List<ProcessRun> spawned;
    /** Ends the process made with reader()/writer(); touched only by its own thread. */
    private List<ChannelEnd<?>> madeEnds;
    private Object result;
    private Throwable failure;
    private long failureOrder;
    /** Set once a caller has seen the failure, so shutdown() does not report it again. */
    volatile boolean reported;

    ProcessRun(CspProcess process, Origin origin, int position, int count) {
        this.process = process;
        this.origin = origin;
        this.position = position;
        this.count = count;
    }

    /** The process's name, worked out when a message needs it. */
    String name() {
        String given = process.name();
        return given == null ? "process" : given;
    }

    String where() {
        return switch (origin) {
            case PARALLEL -> position + " of " + count + " in parallel";
            case SEQUENCE -> position + " of " + count + " in sequence";
            case SPAWN -> "spawned";
        };
    }

    /** Stands for "no process" in the one-lookup {@code orElse} below (ScopedValue refuses null there). */
    private static final ProcessRun NONE = new ProcessRun(() -> { }, Origin.SPAWN, 0, 0);

    static ProcessRun current() {
        ProcessRun run = CURRENT.orElse(NONE);
        return run == NONE ? null : run;
    }

    /** Remembers an end made inside a process, to poison or retire it when the process ends so. */
    static void noteEnd(ChannelEnd<?> end) {
        ProcessRun run = current();
        if (run != null) {
            if (run.madeEnds == null) {
                run.madeEnds = new ArrayList<>(4);
            }
            run.madeEnds.add(end);
        }
    }

    /** Called on this process's own thread when it spawns {@code child}. */
    void spawnedChild(ProcessRun child) {
        if (spawned == null) {
            spawned = new ArrayList<>(2);
        }
        spawned.add(child);
    }

    ProcessRun start() {
        thread = switch (process.kind()) {
            case VIRTUAL, JVM, CLUSTER -> Thread.ofVirtual().unstarted(this); // a jvm or cluster process's thread waits for its JVM
            case THREAD -> Thread.ofPlatform().name("cspjob " + name()).daemon(true).unstarted(this);
        };
        thread.start();
        return this;
    }

    Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        ScopedValue.where(CURRENT, this).run(this::runBody);
    }

    private void runBody() {
        try {
            if (process.kind() == ProcessKind.JVM) {
                result = JvmProcesses.run(ConfiguredProcess.body(process), name());
            } else if (process.kind() == ProcessKind.CLUSTER) {
                result = Workers.runPlaced(ConfiguredProcess.body(process), name(), process.slot());
            } else if (process instanceof CspFunction<?> function) {
                result = function.call();
            } else {
                process.run();
            }
        } catch (ChannelPoisonedException e) {
            ProcessEnds.poisonAll(process, madeEnds);
        } catch (ChannelRetiredException e) {
            ProcessEnds.retireAll(process, madeEnds);
        } catch (Throwable t) {
            failure = t;
            failureOrder = FAILURES.incrementAndGet();
            ProcessEnds.poisonAll(process, madeEnds);
        }
        try {
            awaitSpawned();
        } finally {
            finished = true; // before the spawner hears of it: shutdown() returns only after every spawned run says so
            if (origin == Origin.SPAWN) {
                Spawner.finished(this);
            }
        }
    }

    /**
     * Waits for the processes this one spawned; the first of their failures that nobody has seen
     * becomes this process's own, so that it reaches a caller and is not lost.
     */
    private void awaitSpawned() {
        if (spawned == null) {
            return;
        }
        children = spawned.toArray(ProcessRun[]::new);
        try {
            for (ProcessRun child : spawned) {
                child.awaitEnd();
                if (child.failure != null && !child.reported && failure == null) {
                    failure = child.failedException();
                    failureOrder = FAILURES.incrementAndGet();
                }
            }
        } finally {
            children = null;
        }
    }

    /** Waits for the process to end, without giving up on interrupts (they are kept for the caller). */
    void awaitEnd() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isFinished() {
        return finished;
    }

    /** After {@link #awaitEnd()}. */
    Object result() {
        return result;
    }

    /** After {@link #awaitEnd()}. */
    Throwable failure() {
        return failure;
    }

    long failureOrder() {
        return failureOrder;
    }

    ProcessFailedException failedException() {
        reported = true;
        return new ProcessFailedException(name(), where() + ", " + process.kind().name().toLowerCase(), failure);
    }

    @Override
    public String toString() {
        return "'" + name() + "' (" + where() + ")";
    }
}
