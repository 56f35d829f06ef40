package cspjob.runtime;

/**
 * Where processes of kind {@link ProcessKind#CLUSTER} run. The runtime knows nothing of node lists,
 * SSH or batch systems: a launcher (cspjob's own, or a program's) installs a placement with
 * {@link Csp#placement(Placement)}, and each cluster process asks it for a worker.
 */
@FunctionalInterface
public interface Placement {
    /**
     * Chooses the worker for one process.
     *
     * @param processName the process's name, for messages
     * @param slot        the slot the process is pinned to, or -1 to let the placement's scheme choose
     * @return a ready worker
     */
    Worker place(String processName, int slot);
}
