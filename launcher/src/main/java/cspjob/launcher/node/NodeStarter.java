package cspjob.launcher.node;

import java.io.IOException;
import java.util.List;

/**
 * Starts a node agent on a host and hands back its streams. {@link LocalNodeStarter} starts it on
 * this machine; the SSH way in (package {@code cspjob.launcher.ssh}) plugs in here for other hosts.
 */
public interface NodeStarter {
    /**
     * Starts {@code command} on {@code host}.
     *
     * @throws IOException when it cannot be started; the message says why (host unreachable, ...)
     */
    NodeProcess start(String host, List<String> command) throws IOException;

    /** A starter for hosts that no way in reaches: its error says what is missing. */
    static NodeStarter unavailable(String why) {
        return (host, command) -> {
            throw new IOException("cannot start a node agent on " + host + ": " + why);
        };
    }
}
