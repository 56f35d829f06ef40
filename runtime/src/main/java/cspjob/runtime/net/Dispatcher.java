package cspjob.runtime.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one network endpoint of a JVM: it listens on one port, lets in only peers that prove they know
 * the job's secret ({@link Handshake}), and hands every message they send to its
 * {@link MessageHandler}. It also opens connections to other dispatchers. Each connection is read by
 * a thread of its own (virtual, or platform: {@link DispatcherContext#READERS}); a peer that breaks
 * the protocol (garbage, a message too large or of a type nobody allowed) loses its connection, with
 * a log line saying who and why, and the dispatcher goes on serving everyone else.
 *
 * <pre>{@code
 * try (Dispatcher d = Dispatcher.start(new DispatcherContext().serializer(s), (from, message) -> ...)) {
 *     Connection c = d.connect(otherAddress);
 *     c.send(new Hello(...));
 * }
 * }</pre>
 */
public final class Dispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("cspjob.dispatcher");

    private final DispatcherContext context;
    private final MessageHandler handler;
    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Dispatcher(DispatcherContext context, MessageHandler handler, ServerSocketChannel server) throws IOException {
        this.context = context;
        this.handler = handler;
        this.server = server;
        InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
        InetAddress advertised = context.advertisedAddress();
        if (advertised == null) {
            advertised = bound.getAddress().isAnyLocalAddress() ? localHost() : bound.getAddress();
        }
        this.address = new InetSocketAddress(advertised, bound.getPort());
    }

    /** Starts listening. */
    public static Dispatcher start(DispatcherContext context, MessageHandler handler) {
        context.conclude();
        Dispatcher dispatcher;
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(context.bindAddress(), context.port()), 128);
            dispatcher = new Dispatcher(context, handler, server);
        } catch (IOException e) {
            throw new UncheckedIOException("the cspjob dispatcher cannot listen on " + context.bindAddress().getHostAddress() + ":"
                    + context.port() + ": " + e.getMessage() + "; choose another port (" + DispatcherContext.PORT + ", 0 for any)", e);
        }
        Thread.ofVirtual().name("cspjob dispatcher " + dispatcher.address).start(dispatcher::acceptLoop);
        Thread.ofVirtual().name("cspjob heartbeat " + dispatcher.address).start(dispatcher::heartbeatLoop);
        return dispatcher;
    }

    /** Where peers reach this dispatcher. */
    public InetSocketAddress address() {
        return address;
    }

    /** Opens an authenticated connection to another dispatcher; its messages go to this dispatcher's handler. */
    public Connection connect(InetSocketAddress peer) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.socket().connect(peer, context.handshakeTimeoutMillis());
            channel.socket().setSoTimeout(context.handshakeTimeoutMillis());
            Connection connection = new Connection(channel);
            Handshake.asClient(connection.handshakeInput(), connection.handshakeOutput(), context.secret(),
                    "dispatcher " + describe(peer));
            connection.startMessages(context.serializer());
            connections.add(connection);
            context.readerThread().name("cspjob connection " + connection.peer()).start(() -> readLoop(connection));
            return connection;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot connect to the cspjob dispatcher at " + describe(peer) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every connection hears from us at least once per heartbeat interval, and one we have not heard
     * from for the silence limit is closed: its peer is gone without closing (a crashed host, a cut
     * link), and whatever waits on it fails within that bounded time instead of for ever.
     */
    private void heartbeatLoop() {
        long interval = context.heartbeatInterval().toNanos();
        long limit = context.silenceLimit().toNanos();
        while (!closed) {
            try {
                Thread.sleep(context.heartbeatInterval());
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Connection connection : connections) {
                if (connection.silentFor(now) > limit) {
                    connection.close("nothing came from " + connection.peer() + " for " + context.silenceLimit().toMillis()
                            + " ms, not even a heartbeat: its host is down, overloaded or cut off");
                } else {
                    // On a thread of its own: a write to a peer that stopped reading may block, and must not stall the others.
                    Thread.startVirtualThread(() -> {
                        try {
                            connection.heartbeatIfIdle(now, interval);
                        } catch (RuntimeException failed) {
                            connection.close("a heartbeat could not be sent to " + connection.peer() + ": " + failed.getMessage());
                        }
                    });
                }
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.ERROR, "cspjob dispatcher " + address + " stopped accepting connections: " + e.getMessage());
                }
                return;
            }
            context.readerThread().name("cspjob connection").start(() -> serve(channel));
        }
    }

    private void serve(SocketChannel channel) {
        Connection connection;
        String who = "peer " + remoteOf(channel);
        try {
            channel.socket().setSoTimeout(context.handshakeTimeoutMillis());
            connection = new Connection(channel);
            Handshake.asServer(connection.handshakeInput(), connection.handshakeOutput(), context.secret(), who);
            connection.startMessages(context.serializer());
        } catch (SocketTimeoutException e) {
            refuse(channel, who, "did not complete the handshake within " + context.handshakeTimeoutMillis() + " ms");
            return;
        } catch (IOException e) {
            refuse(channel, who, e.getMessage());
            return;
        }
        connections.add(connection);
        readLoop(connection);
    }

    private void readLoop(Connection connection) {
        Exception cause = null;
        try {
            while (true) {
                Object message = connection.receive();
                if (!(message instanceof Heartbeat)) {
                    handler.onMessage(connection, message);
                }
            }
        } catch (RuntimeException e) {
            cause = connection.closedBecause() == null ? e : new IOException(connection.closedBecause(), e);
            if (!closed && (connection.closedBecause() != null || !connection.isClosed()) && !isEndOfStream(e)) {
                LOG.log(connection.endExpected() ? Level.DEBUG : Level.WARNING, "cspjob dispatcher " + address + ": closing the connection from " + connection.peer()
                        + ": " + cause.getMessage());
            }
        } finally {
            connections.remove(connection);
            connection.close();
            handler.onClosed(connection, isEndOfStream(cause) ? null : cause);
        }
    }

    /** The peer closed the connection between two messages: a clean end, not worth a warning. */
    private static boolean isEndOfStream(Exception e) {
        return e instanceof cspjob.serializers.EndOfStreamException;
    }

    private void refuse(SocketChannel channel, String who, String why) {
        if (!closed) {
            LOG.log(Level.WARNING, "cspjob dispatcher " + address + ": refused " + who + ": " + why);
        }
        closeQuietly(channel);
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

    private static String remoteOf(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "(unknown)";
        }
    }

    private static String describe(InetSocketAddress peer) {
        return peer.getHostString() + ":" + peer.getPort();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
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
