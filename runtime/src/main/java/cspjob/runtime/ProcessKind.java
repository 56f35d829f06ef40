package cspjob.runtime;

/** What runs a process. The same process body runs under every kind. */
public enum ProcessKind {
    /** A Java virtual thread (the default): millions per JVM, on every core; blocking I/O just works. */
    VIRTUAL,
    /** A platform thread, for code that blocks in native calls or must not share a carrier thread. */
    THREAD
}
