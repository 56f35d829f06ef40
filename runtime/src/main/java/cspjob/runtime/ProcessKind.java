package cspjob.runtime;

/** What runs a process. The same process body runs under every kind. */
public enum ProcessKind {
    /** A Java virtual thread (the default): millions per JVM, on every core; blocking I/O just works. */
    VIRTUAL,
    /** A platform thread, for code that blocks in native calls or must not share a carrier thread. */
    THREAD,
    /**
     * A new JVM on this machine (PyCSP's multiprocess), with the same classpath and JVM flags. The
     * process must be a record (or other value) of a type given to {@link Csp#registerTypes}; its
     * channel ends reconnect to their channels' homes there. Its output goes to this JVM's.
     */
    JVM,
    /**
     * A worker JVM chosen by the job's placement (PyCSP's clusterprocess): under {@code cspjob run
     * JOB --cores N}, one of the job's ranks, on whatever node of the node list the scheme
     * ({@code blocked}, {@code strided}) or {@link CspProcess#pinned(int)} says. Same rules for
     * the process's type as {@link #JVM}.
     */
    CLUSTER
}
