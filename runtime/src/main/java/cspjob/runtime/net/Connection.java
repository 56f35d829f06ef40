package cspjob.runtime.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An authenticated connection between two dispatchers, carrying frames: {@code [int length][byte
 * type][length bytes of payload]}. Any thread may send; one thread (the dispatcher's reader of this
 * connection) receives. A frame longer than the limit, or of an unknown type, closes the connection.
 */
public final class Connection implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    /** Guards {@link #out}: frames from different threads never interleave. */
    private final ReentrantLock sending = new ReentrantLock();
    private final int maxFrameBytes;
    private final String peer;

    Connection(Socket socket, int maxFrameBytes) throws IOException {
        this.socket = socket;
        this.maxFrameBytes = maxFrameBytes;
        this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER));
    }

    DataInputStream input() {
        return in;
    }

    DataOutputStream output() {
        return out;
    }

    Socket socket() {
        return socket;
    }

    /** The peer's address as host:port, for messages. */
    public String peer() {
        return peer;
    }

    /** Sends one frame and flushes it. */
    public void send(int type, byte[] payload) throws IOException {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("frame type " + type + " is not a byte");
        }
        if (payload.length > maxFrameBytes) {
            throw new IllegalArgumentException("a frame of " + payload.length + " bytes is over the limit of " + maxFrameBytes
                    + " (" + DispatcherContext.MAX_FRAME + "); large values must be sent in chunks");
        }
        sending.lock();
        try {
            out.writeInt(payload.length);
            out.writeByte(type);
            out.write(payload);
            out.flush();
        } finally {
            sending.unlock();
        }
    }

    /** Receives one frame; null at a clean end of stream between frames. */
    Frame receive() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (java.io.EOFException e) {
            return null;
        }
        if (length < 0 || length > maxFrameBytes) {
            throw new MalformedFrameException("frame of " + length + " bytes from " + peer + " (the limit is " + maxFrameBytes + ")");
        }
        int type = in.readUnsignedByte();
        byte[] payload = in.readNBytes(length);
        if (payload.length != length) {
            throw new MalformedFrameException("frame from " + peer + " cut short: " + payload.length + " of " + length + " bytes");
        }
        return new Frame(type, payload);
    }

    /** Whether the connection has been closed. */
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }

    @Override
    public String toString() {
        return "Connection[" + peer + "]";
    }

    /** One received frame. */
    public record Frame(int type, byte[] payload) {
    }
}
