package cspjob.runtime;

/** A process started by {@link Csp#spawn}: wait for it and get its result. */
public final class Spawned {
    private final ProcessRun run;

    Spawned(ProcessRun run) {
        this.run = run;
    }

    /** The process's name. */
    public String name() {
        return run.name();
    }

    /** Whether the process has ended. */
    public boolean isDone() {
        return run.isFinished();
    }

    /**
     * Waits for the process and returns its result (null for a process without one).
     *
     * @throws ProcessFailedException when it failed
     */
    public Object join() {
        run.awaitEnd();
        if (run.failure() != null) {
            throw run.failedException();
        }
        return run.result();
    }
}
