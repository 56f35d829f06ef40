package cspjob.runtime.net;

import cspjob.serializers.MessageReader;
import cspjob.serializers.MessageWriter;
import cspjob.serializers.Serializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
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
        writer = serializer.writer(channel);
        reader = serializer.reader(channel);
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
        return reader.read();
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
