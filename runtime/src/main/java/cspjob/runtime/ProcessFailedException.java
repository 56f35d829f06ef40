package cspjob.runtime;

/**
 * A process ended with an exception other than poison or retire. Thrown by {@link Csp#parallel},
 * {@link Csp#sequence}, {@link Spawned#join} and {@link Csp#shutdown}; the cause is the process's
 * exception, and failures of other processes of the same Parallel are suppressed exceptions.
 */
public class ProcessFailedException extends RuntimeException {
    private final String processName;

    ProcessFailedException(String processName, String where, Throwable cause) {
        super("process '" + processName + "' (" + where + ") failed: " + cause, cause);
        this.processName = processName;
    }

    /** The name of the process that failed. */
    public String processName() {
        return processName;
    }
}
