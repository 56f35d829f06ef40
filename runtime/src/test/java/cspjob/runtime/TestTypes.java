package cspjob.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every type that the runtime's tests send to other JVMs, registered once for the whole test JVM.
 * One place, because {@link Csp#registerTypes} works only before this JVM's network starts and all
 * test classes share one JVM: whichever multi-JVM test runs first must register the types of all.
 */
final class TestTypes {
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private TestTypes() {
    }

    /** Registers the types of {@link JvmTestProcesses}, {@link ContractProcesses} and {@link WorkerTestProcesses}, once. */
    static void register() {
        if (REGISTERED.compareAndSet(false, true)) {
            List<Class<?>> types = new ArrayList<>(JvmTestProcesses.TYPES);
            types.addAll(ContractProcesses.TYPES);
            types.addAll(WorkerTestProcesses.TYPES);
            Csp.registerTypes(types.toArray(Class<?>[]::new));
        }
    }
}
