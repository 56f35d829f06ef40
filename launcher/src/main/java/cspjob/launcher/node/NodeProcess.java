package cspjob.launcher.node;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A command running on one node of the job, seen through its standard streams: the node agent,
 * started on this machine with a {@link ProcessBuilder} or on another host over SSH. The launcher
 * talks to the agent only through these streams, so both ways in look the same to it.
 */
public interface NodeProcess extends AutoCloseable {
    /** The node's name as the node list gives it. */
    String host();

    /** The command's standard input. Closing it tells an agent to stop its ranks and end. */
    OutputStream stdin();

    InputStream stdout();

    InputStream stderr();

    /**
     * Waits for the command to end.
     *
     * @return its exit code, or {@link #CONNECTION_LOST} when the way to the node broke first
     */
    int waitFor() throws InterruptedException;

    /** Ends the command: closes its input, then, if it has not ended shortly after, cuts it off. */
    @Override
    void close();

    /** What {@link #waitFor()} returns when the node could no longer be reached. */
    int CONNECTION_LOST = -1;
}
