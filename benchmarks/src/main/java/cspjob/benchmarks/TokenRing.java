package cspjob.benchmarks;

/** A ring of processes passing one token, driven by the benchmark thread: {@link CspjobRing} and its peer {@link BareRing}. */
interface TokenRing extends AutoCloseable {
    /** Sends the token round {@code count} times and waits until it is back. */
    void laps(int count) throws InterruptedException;

    /** Stops every process of the ring and waits (a little) for them to end. */
    @Override
    void close() throws InterruptedException;
}
