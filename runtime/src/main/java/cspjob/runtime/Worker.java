package cspjob.runtime;

import cspjob.runtime.net.Connection;
import java.net.InetSocketAddress;

/**
 * A worker JVM as the JVM that started it sees it: a JVM that runs the processes sent to it (a
 * rank of a job, or the JVM of one jvm process). Made by {@link Workers#await}; a
 * {@link Placement} hands workers to cluster processes.
 */
public final class Worker {
    private final String name;
    private final Connection connection;
    private final InetSocketAddress address;
    private volatile String lost;

    Worker(String name, Connection connection, InetSocketAddress address) {
        this.name = name;
        this.connection = connection;
        this.address = address;
    }

    /** The name it was started under ({@link WorkerCommand#name()}). */
    public String name() {
        return name;
    }

    /** Its dispatcher's address. */
    public InetSocketAddress address() {
        return address;
    }

    /** False once its connection has closed (its JVM ended, or the way to it broke). */
    public boolean isAlive() {
        return lost == null;
    }

    /**
     * Runs {@code process} in the worker and waits for it to end, as {@link Csp#parallel} would for
     * one process: its result, or its failure as an exception naming the worker.
     */
    public Object run(CspProcess process, String processName) throws Exception {
        return Workers.run(connection, this + "", process, processName);
    }

    /** Tells the worker's JVM to end (after flushing its output). */
    public void exit() {
        if (isAlive()) {
            try {
                connection.expectEnd();
                connection.send(new Protocol.Exit(0));
            } catch (RuntimeException alreadyGone) {
                lost("its connection failed: " + alreadyGone.getMessage());
            }
        }
    }

    Connection connection() {
        return connection;
    }

    void lost(String why) {
        if (lost == null) {
            lost = why;
        }
    }

    /** Why it is no longer alive, or null. */
    public String whyLost() {
        return lost;
    }

    @Override
    public String toString() {
        return "worker " + name + " at " + address.getHostString() + ":" + address.getPort();
    }
}
