package cspjob.runtime;

/**
 * A {@link CspProcess} that returns a result; {@link Csp#parallel} returns the results in the order
 * of the processes.
 *
 * <pre>{@code
 * List<Object> sums = Csp.parallel(CspFunction.of(() -> sum(in)), CspFunction.of(() -> sum(in)));
 * }</pre>
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface CspFunction<R> extends CspProcess {
    /** The process body; its value is the process's result. */
    R call() throws Exception;

    @Override
    default void run() throws Exception {
        call();
    }

    /** Makes a lambda with a result into a process (a cast would do as well). */
    static <R> CspFunction<R> of(CspFunction<R> function) {
        return function;
    }
}
