package cspjob.runtime;

/**
 * A CSP process: a body of sequential code that shares nothing and talks over channels. The same
 * body runs under every {@link ProcessKind}; only the kind changes. Write one as a lambda, or as a
 * record whose components are the channel ends it is given:
 *
 * <pre>{@code
 * record Successor(ChannelReader<Integer> in, ChannelWriter<Integer> out) implements CspProcess {
 *     public void run() { while (true) out.write(in.read() + 1); }
 * }
 * Csp.parallel(new Successor(a.reader(), b.writer()), ...);
 * Csp.parallel(new Successor(a.reader(), b.writer()).as(ProcessKind.THREAD));
 * }</pre>
 *
 * <p>A process that ends with {@link ChannelPoisonedException} poisons, and one that ends with
 * {@link ChannelRetiredException} retires, every channel end it was given (the fields of the process
 * object, captured variables of a lambda included) and every end it made; either way it ends
 * normally. A process that fails with any other exception poisons its ends too, so that its partners
 * stop, and its failure reaches the caller of {@link Csp#parallel}. For a process with a result, see
 * {@link CspFunction}.
 */
@FunctionalInterface
public interface CspProcess {
    /** The process body. */
    void run() throws Exception;

    /** The name used in errors and thread names; by default the class name, or "process" for a lambda. */
    default String name() {
        Class<?> type = getClass();
        return type.isHidden() || type.isSynthetic() || type.isAnonymousClass() ? "process" : type.getSimpleName();
    }

    /** How the process runs; {@link ProcessKind#VIRTUAL} by default. */
    default ProcessKind kind() {
        return ProcessKind.VIRTUAL;
    }

    /** The slot of the job's node list a cluster process is pinned to; -1 (the default) lets the placement choose. */
    default int slot() {
        return -1;
    }

    /** This process under another name. */
    default CspProcess named(String name) {
        return new ConfiguredProcess(ConfiguredProcess.body(this), name, kind(), slot());
    }

    /** This process run as another kind. */
    default CspProcess as(ProcessKind kind) {
        return new ConfiguredProcess(ConfiguredProcess.body(this), name(), kind, slot());
    }

    /**
     * This process as a cluster process pinned to one slot of the job's node list (counted from 0,
     * as {@code cspjob run} lists them), whatever the placement scheme.
     */
    default CspProcess pinned(int slot) {
        return new ConfiguredProcess(ConfiguredProcess.body(this), name(), ProcessKind.CLUSTER, slot);
    }
}
