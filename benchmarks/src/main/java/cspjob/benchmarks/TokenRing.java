package cspjob.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** A ring of processes passing one token, driven by the benchmark thread: {@link CspjobRing} and its peer {@link BareRing}. */
interface TokenRing extends AutoCloseable {
    /** Counts the ring elements of this JVM that have started (static, so that no process carries a field for it). */
    LongAdder STARTED = new LongAdder();

    /**
     * Waits until every element of this ring has started and, a moment later, blocked, so that the
     * first lap finds them all waiting whatever the speed of the start (a lap that overtakes the start
     * leaves the processes with other stacks, and so other heap figures).
     */
    void awaitStarted(long timeoutSeconds) throws InterruptedException;

    /** Sends the token round {@code count} times and waits until it is back; fails after {@value Reply#STALL_SECONDS} s. */
    default void laps(int count) throws InterruptedException {
        laps(count, Reply.STALL_SECONDS);
    }

    /** Sends the token round {@code count} times and waits until it is back; fails after {@code timeoutSeconds}. */
    void laps(int count, long timeoutSeconds) throws InterruptedException;

    /** Stops every process of the ring and waits (a little) for them to end. */
    @Override
    void close() throws InterruptedException;

    /** For {@link #awaitStarted}: waits until {@code elements} more have started than {@code before}, then lets them block. */
    static void awaitStarted(long before, long elements, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (STARTED.sum() - before < elements) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + (STARTED.sum() - before) + " of " + elements
                        + " ring elements started within " + timeoutSeconds + " s");
            }
            Thread.sleep(10);
        }
        Thread.sleep(200 + elements / 10_000); // the last to start get to their first read: 0.2 s and 0.1 ms a thousand
    }
}
