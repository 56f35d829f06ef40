package cspjob.runtime;

/** A process body with a name or kind other than its own; made by {@link CspProcess#named} and {@link CspProcess#as}. */
record ConfiguredProcess(CspProcess body, String name, ProcessKind kind, int slot) implements CspFunction<Object> {
    ConfiguredProcess {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a process name cannot be empty");
        }
        if (kind == null) {
            throw new IllegalArgumentException("process '" + name + "': the kind cannot be null; use ProcessKind.VIRTUAL or THREAD");
        }
        if (slot < -1) {
            throw new IllegalArgumentException("process '" + name + "': slot " + slot + " does not exist; slots count from 0");
        }
    }

    @Override
    public Object call() throws Exception {
        if (body instanceof CspFunction<?> function) {
            return function.call();
        }
        body.run();
        return null;
    }

    /** The user's own process object inside any number of wrappers. */
    static CspProcess body(CspProcess process) {
        return process instanceof ConfiguredProcess configured ? configured.body() : process;
    }
}
