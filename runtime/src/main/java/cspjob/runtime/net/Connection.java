package cspjob.runtime.net;

import cspjob.serializers.MessageReader;
import cspjob.serializers.MessageWriter;
import cspjob.serializers.Serializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An authenticated connection between two dispatchers. It carries messages: values written by the
 * job's {@link Serializer}, each streamed in bounded chunks, so a message of any size costs no extra
 * copy and a bad one (too large, corrupt, of a type nobody allowed) is refused by the serializer.
 * Any thread may send; one thread (the dispatcher's reader of this connection) receives.
 */
public final class Connection implements AutoCloseable {
    private final SocketChannel channel;
    private final String peer;
    /** Guards {@link #writer}: messages from different threads never interleave. */
    private final ReentrantLock sending = new ReentrantLock();
    private MessageWriter writer;
    private MessageReader reader;
    /** What the peer said it is, once it has said so (see {@link #identify}); else null. */
    private volatile Object identity;
    /** When bytes last came in and went out ({@link System#nanoTime()}), for the dispatcher's heartbeat. */
    private volatile long lastReceived = System.nanoTime();
    private volatile long lastSent = lastReceived;
    private long heartbeats;
    private volatile boolean heard;
    /** Why the dispatcher closed this connection itself, or null. */
    private volatile String closedBecause;
    private volatile boolean endExpected;

    Connection(SocketChannel channel) throws IOException {
        this.channel = channel;
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        this.peer = remote.getAddress().getHostAddress() + ":" + remote.getPort();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    /** Streams for the handshake (with the socket's timeout), before any message. */
    DataInputStream handshakeInput() throws IOException {
        return new DataInputStream(channel.socket().getInputStream());
    }

    DataOutputStream handshakeOutput() throws IOException {
        return new DataOutputStream(channel.socket().getOutputStream());
    }

    /** After the handshake: from now on the connection carries serializer messages. */
    void startMessages(Serializer serializer) throws IOException {
        channel.socket().setSoTimeout(0);
        Watched watched = new Watched();
        writer = serializer.writer(watched);
        reader = serializer.reader(watched);
    }

    /** The socket, noting when bytes pass, so that a long message in progress counts as life. */
    private final class Watched implements ByteChannel {
        @Override
        public int read(ByteBuffer into) throws IOException {
            int n = channel.read(into);
            lastReceived = System.nanoTime();
            return n;
        }

        @Override
        public int write(ByteBuffer from) throws IOException {
            int n = channel.write(from);
            lastSent = System.nanoTime();
            return n;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Nanoseconds since bytes last arrived, counted only once a whole message has come: a JVM that has
     * just connected may take long (class loading, a starved machine) before its first message,
     * heartbeats included, and the handshake's own time limit already guards the start.
     */
    long silentFor(long now) {
        return heard ? now - lastReceived : 0;
    }

    /** Sends a heartbeat if nothing went out for {@code idleNanos} and no other message is being sent now. */
    void heartbeatIfIdle(long now, long idleNanos) {
        if (now - lastSent >= idleNanos && sending.tryLock()) {
            try {
                writer.write(new Heartbeat(++heartbeats));
            } finally {
                sending.unlock();
            }
        }
    }

    /** Closes the connection, saying why; the reader then reports that as the cause. */
    void close(String why) {
        closedBecause = why;
        close();
    }

    /** The peer was told to end: its going away, even abruptly, is no news worth a warning. */
    public void expectEnd() {
        endExpected = true;
    }

    boolean endExpected() {
        return endExpected;
    }

    /** Why the dispatcher closed this connection, or null. */
    String closedBecause() {
        return closedBecause;
    }

    /** The peer's address as host:port, for messages. */
    public String peer() {
        return peer;
    }

    /** Records what the peer is (its dispatcher's address, say), for whoever routes replies. */
    public void identify(Object identity) {
        this.identity = identity;
    }

    /** What {@link #identify} recorded, or null. */
    public Object identity() {
        return identity;
    }

    /**
     * Sends one message.
     *
     * @throws java.io.UncheckedIOException when the connection has failed
     * @throws cspjob.serializers.SerializationException when the message cannot be written (the connection stays usable)
     */
    public void send(Object message) {
        sending.lock();
        try {
            writer.write(message);
        } finally {
            sending.unlock();
        }
    }

    /** Receives one message; called only by the connection's reader thread. */
    Object receive() {
        Object message = reader.read();
        heard = true;
        return message;
    }

    /** Whether the connection has been closed. */
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }

    @Override
    public String toString() {
        return "Connection[" + peer + "]";
    }
}
