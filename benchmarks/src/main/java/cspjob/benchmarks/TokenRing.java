package cspjob.benchmarks;

/** A ring of processes passing one token, driven by the benchmark thread: {@link CspjobRing} and its peer {@link BareRing}. */
interface TokenRing extends AutoCloseable {
    /** Sends the token round {@code count} times and waits until it is back; fails after {@value Reply#STALL_SECONDS} s. */
    default void laps(int count) throws InterruptedException {
        laps(count, Reply.STALL_SECONDS);
    }

    /** Sends the token round {@code count} times and waits until it is back; fails after {@code timeoutSeconds}. */
    void laps(int count, long timeoutSeconds) throws InterruptedException;

    /** Stops every process of the ring and waits (a little) for them to end. */
    @Override
    void close() throws InterruptedException;
}
