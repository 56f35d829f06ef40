package cspjob.runtime.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one network endpoint of a JVM: it listens on one port, lets in only peers that prove they know
 * the job's secret ({@link Handshake}), and hands every frame they send to its {@link FrameHandler}.
 * It also opens connections to other dispatchers. Each connection is read by a virtual thread of its
 * own; a peer that breaks the protocol loses its connection (with a log line saying who and why)
 * and the dispatcher goes on serving everyone else.
 *
 * <pre>{@code
 * try (Dispatcher d = Dispatcher.start(new DispatcherContext(), (from, frame) -> ...)) {
 *     Connection c = d.connect(otherAddress);
 *     c.send(1, bytes);
 * }
 * }</pre>
 */
public final class Dispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("cspjob.dispatcher");

    private final DispatcherContext context;
    private final FrameHandler handler;
    private final ServerSocket server;
    private final InetSocketAddress address;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Dispatcher(DispatcherContext context, FrameHandler handler, ServerSocket server) {
        this.context = context;
        this.handler = handler;
        this.server = server;
        InetAddress bound = server.getInetAddress();
        InetAddress advertised = bound.isAnyLocalAddress() ? localHost() : bound;
        this.address = new InetSocketAddress(advertised, server.getLocalPort());
    }

    /** Starts listening. */
    public static Dispatcher start(DispatcherContext context, FrameHandler handler) {
        context.conclude();
        ServerSocket server;
        try {
            server = new ServerSocket(context.port(), 128, context.bindAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("the cspjob dispatcher cannot listen on " + context.bindAddress().getHostAddress() + ":"
                    + context.port() + ": " + e.getMessage() + "; choose another port (" + DispatcherContext.PORT + ", 0 for any)", e);
        }
        Dispatcher dispatcher = new Dispatcher(context, handler, server);
        Thread.ofVirtual().name("cspjob dispatcher " + dispatcher.address).start(dispatcher::acceptLoop);
        return dispatcher;
    }

    /** Where peers reach this dispatcher. */
    public InetSocketAddress address() {
        return address;
    }

    /** Opens an authenticated connection to another dispatcher. */
    public Connection connect(InetSocketAddress peer) {
        Socket socket = new Socket();
        try {
            socket.connect(peer, context.handshakeTimeoutMillis());
            socket.setSoTimeout(context.handshakeTimeoutMillis());
            Connection connection = new Connection(socket, context.maxFrameBytes());
            Handshake.asClient(connection.input(), connection.output(), context.secret(), "dispatcher " + describe(peer));
            socket.setSoTimeout(0);
            connections.add(connection);
            Thread.ofVirtual().name("cspjob connection " + connection.peer()).start(() -> readLoop(connection));
            return connection;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to the cspjob dispatcher at " + describe(peer) + ": " + e.getMessage(), e);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.ERROR, "cspjob dispatcher " + address + " stopped accepting connections: " + e.getMessage());
                }
                return;
            }
            Thread.ofVirtual().name("cspjob connection " + socket.getRemoteSocketAddress()).start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        Connection connection;
        try {
            socket.setSoTimeout(context.handshakeTimeoutMillis());
            connection = new Connection(socket, context.maxFrameBytes());
            Handshake.asServer(connection.input(), connection.output(), context.secret(), "peer " + socket.getRemoteSocketAddress());
            socket.setSoTimeout(0);
        } catch (SocketTimeoutException e) {
            refuse(socket, "did not complete the handshake within " + context.handshakeTimeoutMillis() + " ms");
            return;
        } catch (IOException e) {
            refuse(socket, e.getMessage());
            return;
        }
        connections.add(connection);
        readLoop(connection);
    }

    private void readLoop(Connection connection) {
        Exception cause = null;
        try {
            Connection.Frame frame;
            while ((frame = connection.receive()) != null) {
                handler.onFrame(connection, frame);
            }
        } catch (IOException | FrameHandler.MalformedFrameRejection e) {
            cause = e;
            if (!closed && !connection.isClosed()) {
                LOG.log(Level.WARNING, "cspjob dispatcher " + address + ": closing the connection from " + connection.peer()
                        + ": " + e.getMessage());
            }
        } finally {
            connections.remove(connection);
            connection.close();
            handler.onClosed(connection, cause);
        }
    }

    private void refuse(Socket socket, String why) {
        if (!closed) {
            LOG.log(Level.WARNING, "cspjob dispatcher " + address + ": refused " + socket.getRemoteSocketAddress() + ": " + why);
        }
        closeQuietly(socket);
    }

    /** How many authenticated connections are open. */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        connections.forEach(Connection::close);
    }

    private static String describe(InetSocketAddress peer) {
        return peer.getHostString() + ":" + peer.getPort();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing: nothing more to do
        }
    }

    private static InetAddress localHost() {
        try {
            return InetAddress.getLocalHost();
        } catch (IOException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    @Override
    public String toString() {
        return "Dispatcher[" + address + "]";
    }
}
