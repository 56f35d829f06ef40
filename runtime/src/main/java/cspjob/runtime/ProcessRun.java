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

    final CspProcess process;
    final String name;
    final ProcessKind kind;
    /** Where it was started, for messages: "2 of 4 in Parallel", "spawned". */
    final String where;
    private final boolean spawned;
    private Thread thread;

    /** What the process waits for in a channel operation without a deadline (a channel or guards), else null. */
    volatile Object waitingOn;
    /** The processes of the Parallel this process is waiting for, else null. */
    volatile ProcessRun[] children;

    /** Ends the process made with reader()/writer(); touched only by its own thread. */
    private List<ChannelEnd> madeEnds;
    private Object result;
    private Throwable failure;
    private long failureOrder;
    /** Set once a caller has seen the failure, so shutdown() does not report it again. */
    volatile boolean reported;

    ProcessRun(CspProcess process, String where, boolean spawned) {
        this.process = process;
        String given = process.name();
        this.name = given == null ? "process" : given;
        this.kind = process.kind();
        this.where = where;
        this.spawned = spawned;
    }

    static ProcessRun current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /** Remembers an end made inside a process, to poison or retire it when the process ends so. */
    static void noteEnd(ChannelEnd end) {
        ProcessRun run = current();
        if (run != null) {
            if (run.madeEnds == null) {
                run.madeEnds = new ArrayList<>(4);
            }
            run.madeEnds.add(end);
        }
    }

    ProcessRun start() {
        thread = switch (kind) {
            case VIRTUAL -> Thread.ofVirtual().unstarted(this);
            case THREAD -> Thread.ofPlatform().name("cspjob " + name).daemon(true).unstarted(this);
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
            if (process instanceof CspFunction<?> function) {
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
        } finally {
            if (spawned) {
                Spawner.finished(this);
            }
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
        return thread != null && !thread.isAlive();
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
        return new ProcessFailedException(name, where + ", " + kind.name().toLowerCase(), failure);
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + where + ")";
    }
}
