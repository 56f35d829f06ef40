package cspjob.launcher.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Starts node agents on this machine with a {@link ProcessBuilder}. */
public final class LocalNodeStarter implements NodeStarter {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1", "localhost.localdomain");

    @Override
    public NodeProcess start(String host, List<String> command) throws IOException {
        return new LocalNodeProcess(host, new ProcessBuilder(command).start());
    }

    /**
     * Whether {@code host} names this machine: {@code localhost}, its host name, or one of its
     * addresses. Names are compared without resolving them (a node list of a thousand names must
     * not wait for DNS), except this machine's own name.
     */
    public static boolean isThisMachine(String host) {
        if (LOOPBACK_NAMES.contains(host.toLowerCase())) {
            return true;
        }
        try {
            InetAddress self = InetAddress.getLocalHost();
            if (host.equalsIgnoreCase(self.getHostName()) || host.equalsIgnoreCase(self.getCanonicalHostName())
                    || host.equals(self.getHostAddress())) {
                return true;
            }
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .anyMatch(address -> address.getHostAddress().equals(host));
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    /** A node agent running on this machine. */
    static final class LocalNodeProcess implements NodeProcess {
        private final String host;
        private final Process process;

        LocalNodeProcess(String host, Process process) {
            this.host = host;
            this.process = process;
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public OutputStream stdin() {
            return process.getOutputStream();
        }

        @Override
        public InputStream stdout() {
            return process.getInputStream();
        }

        @Override
        public InputStream stderr() {
            return process.getErrorStream();
        }

        @Override
        public int waitFor() throws InterruptedException {
            return process.waitFor();
        }

        /** Closes the agent's stdin (it stops its ranks), then kills it if it has not ended after its grace period. */
        @Override
        public void close() {
            try {
                process.getOutputStream().close();
            } catch (IOException alreadyGone) {
                // the agent has ended: nothing to tell it
            }
            try {
                if (process.waitFor(NodeAgent.GRACE_MILLIS + 2_000, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
