package cspjob.runtime;

import cspjob.runtime.net.Connection;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

/** Another JVM of the job, as this one reaches it: its dispatcher's address and the connection to it. */
final class Peer {
    private static final System.Logger LOG = System.getLogger("cspjob.network");

    final InetSocketAddress address;
    final Connection connection;

    Peer(InetSocketAddress address, Connection connection) {
        this.address = address;
        this.connection = connection;
    }

    String describe() {
        return address.getHostString() + ":" + address.getPort();
    }

    /** Sends a message whose loss only matters to the peer (its requests fail with the connection). */
    void sendQuietly(Object message) {
        try {
            connection.send(message);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "cspjob: could not send to " + describe() + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "Peer[" + describe() + "]";
    }
}
