package cspjob.launcher.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import cspjob.launcher.node.NodeProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The SSH sessions of a job: one per node, opened together by {@link #connectAll} (the check
 * before anything starts), commands started on them with {@link #start}, all closed by
 * {@link #close}.
 *
 * <pre>{@code
 * try (SshNodes nodes = new SshNodes(sshOptions.settings())) {
 *     Preflight check = nodes.connectAll(List.of("node1", "node2"));
 *     if (!check.ok()) { check.report().forEach(System.err::println); return CANNOT_START; }
 *     NodeProcess agent = nodes.start("node1", List.of(java, "-cp", classpath, "cspjob.launcher.node.NodeAgent"));
 *     ...
 * }
 * }</pre>
 *
 * <p>Threads: {@code connectAll} connects on one virtual thread per node and returns when all
 * have finished; each session then has JSch's reader thread. The map of sessions is the only
 * shared state.
 */
public final class SshNodes implements AutoCloseable {
    private final SshSettings settings;
    private final ConfigRepository config;
    private final KnownHostsGuard knownHosts;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, SshTarget> targets = new ConcurrentHashMap<>();
    private final Queue<SshNodeProcess> started = new ConcurrentLinkedQueue<>();

    public SshNodes(SshSettings settings) {
        this.settings = settings;
        this.config = SshTarget.readConfig(settings);
        this.knownHosts = new KnownHostsGuard(settings.knownHosts(), settings.hostKeyPolicy());
    }

    public SshSettings settings() {
        return settings;
    }

    /** Where {@code node} is reached and as whom (resolved through the SSH config). */
    public SshTarget target(String node) {
        return targets.computeIfAbsent(node, name -> SshTarget.resolve(name, settings, config));
    }

    /**
     * Connects to every node (each name once, however often it is listed) at the same time, and
     * logs in. Returns when every node has answered or failed; nodes already connected are kept.
     */
    public Preflight connectAll(List<String> nodes) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(nodes));
        List<Future<ConnectFailure>> outcomes = new ArrayList<>();
        try (ExecutorService connectors = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String node : distinct) {
                outcomes.add(connectors.submit(() -> connect(node)));
            }
        }
        List<String> reached = new ArrayList<>();
        List<ConnectFailure> failures = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            ConnectFailure failure = outcome(outcomes.get(i), distinct.get(i));
            if (failure == null) {
                reached.add(distinct.get(i));
            } else {
                failures.add(failure);
            }
        }
        return new Preflight(reached, failures);
    }

    private ConnectFailure outcome(Future<ConnectFailure> outcome, String node) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            return new ConnectFailure(target(node), ConnectFailure.Kind.OTHER, "could not connect: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectFailure(target(node), ConnectFailure.Kind.OTHER, "interrupted while connecting");
        }
    }

    /** Opens the session to {@code node}; null when it is open, else why it could not be. */
    private ConnectFailure connect(String node) {
        Session existing = sessions.get(node);
        if (existing != null && existing.isConnected()) {
            return null;
        }
        SshTarget target = target(node);
        JSch jsch = new JSch();
        List<Path> encrypted = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path key : target.keys()) {
            try {
                jsch.addIdentity(key.toString());
            } catch (JSchException e) {
                unreadable.add(key + " (" + e.getMessage() + ")");
            }
        }
        if (!unreadable.isEmpty()) {
            return new ConnectFailure(target, ConnectFailure.Kind.AUTHENTICATION_FAILED,
                    "cannot use key file " + String.join(", ", unreadable) + "; name a readable private key with --ssh-key");
        }
        try {
            for (Identity identity : jsch.getIdentityRepository().getIdentities()) {
                if (identity.isEncrypted()) {
                    encrypted.add(Path.of(identity.getName()));
                }
            }
            Session session = jsch.getSession(target.user(), target.hostname(), target.port());
            session.setHostKeyRepository(knownHosts);
            session.setConfig("StrictHostKeyChecking", "yes");          // accept-new is KnownHostsGuard's job
            session.setConfig("PreferredAuthentications", "publickey");
            session.setDaemonThread(true);
            session.setServerAliveInterval(Math.toIntExact(settings.aliveInterval().toMillis()));
            session.setServerAliveCountMax(settings.aliveCountMax());
            session.connect(Math.toIntExact(settings.connectTimeout().toMillis()));
            Session previous = sessions.put(node, session);
            if (previous != null) {
                previous.disconnect();
            }
            return null;
        } catch (JSchException | RuntimeException e) {
            return ConnectFailure.explain(target, e, knownHosts, encrypted, settings.connectTimeout().toSeconds());
        }
    }

    /**
     * Starts {@code command} (a program and its arguments, each quoted for the remote shell) on
     * {@code node}, whose session {@link #connectAll} opened.
     *
     * @throws IllegalStateException when the node was not connected, or its session has dropped
     */
    public NodeProcess start(String node, List<String> command) {
        return startShellCommand(node, ShellQuoting.join(command));
    }

    /** Starts a command line as the remote user's shell reads it; {@link #start} quotes for you. */
    public NodeProcess startShellCommand(String node, String commandLine) {
        Session session = sessions.get(node);
        if (session == null || !session.isConnected()) {
            throw new IllegalStateException("cannot start a command on " + node + ": "
                    + (session == null ? "it was not connected (connectAll first)" : "its SSH connection has dropped"));
        }
        try {
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(SshNodeProcess.withPreamble(commandLine));
            SshNodeProcess process = SshNodeProcess.start(node, session, channel);
            started.add(process);
            return process;
        } catch (JSchException | java.io.IOException e) {
            throw new IllegalStateException("cannot start a command on " + node + " (" + target(node).address()
                    + "): " + e.getMessage(), e);
        }
    }

    /**
     * Ends every command started here that still runs ({@link NodeProcess#close()}, all at once),
     * then disconnects every session: no command is left behind on a node that can still be reached.
     */
    @Override
    public void close() {
        try (ExecutorService closers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SshNodeProcess process; (process = started.poll()) != null; ) {
                closers.submit(process::close);
            }
        }
        sessions.values().forEach(Session::disconnect);
        sessions.clear();
    }
}
