package cspjob.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The peer of {@link JvmThroughput}: byte arrays pumped through a blocking NIO socket with no
 * framing beyond a length, the least any transport must do. A batch is a 4-byte count, then per
 * message an 8-byte length and the bytes, written and read in {@value #SLICE}-byte slices (as the
 * serializer's chunks; a whole-array NIO call on a heap buffer would make the JDK allocate a direct
 * buffer as large as the array). The sink reads each message into an array of its own, as a
 * channel's reader gets one, and answers each batch with the byte count it got.
 */
final class RawPump {
    static final int SLICE = 512 << 10;

    private final SocketChannel socket;
    private final ByteBuffer header = ByteBuffer.allocateDirect(12);

    RawPump(SocketChannel socket) throws IOException {
        this.socket = socket;
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true); // as cspjob's connections: no wait for the last slice
    }

    /** Sends {@code count} copies of {@code payload} and returns the byte count the sink says it got. */
    long send(byte[] payload, int count) throws IOException {
        header.clear().putInt(count).flip();
        writeFully(socket, header);
        for (int m = 0; m < count; m++) {
            header.clear().putLong(payload.length).flip();
            writeFully(socket, header);
            for (int off = 0; off < payload.length; off += SLICE) {
                writeFully(socket, ByteBuffer.wrap(payload, off, Math.min(SLICE, payload.length - off)));
            }
        }
        header.clear().limit(8);
        readFully(socket, header);
        return header.flip().getLong();
    }

    /** The reader's side, on a thread of its own until the socket closes. */
    static void sink(SocketChannel socket) {
        ByteBuffer header = ByteBuffer.allocateDirect(8);
        try (socket) {
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            while (true) {
                header.clear().limit(4);
                readFully(socket, header);
                int count = header.flip().getInt();
                long bytes = 0;
                for (int m = 0; m < count; m++) {
                    header.clear();
                    readFully(socket, header);
                    byte[] message = new byte[(int) header.flip().getLong()];
                    for (int off = 0; off < message.length; off += SLICE) {
                        readFully(socket, ByteBuffer.wrap(message, off, Math.min(SLICE, message.length - off)));
                    }
                    bytes += message.length;
                }
                header.clear().putLong(bytes).flip();
                writeFully(socket, header);
            }
        } catch (IOException ended) {
            // the benchmark closed the socket
        }
    }

    private static void writeFully(SocketChannel socket, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            socket.write(buffer);
        }
    }

    private static void readFully(SocketChannel socket, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (socket.read(buffer) < 0) {
                throw new EOFException("the raw pump's peer closed the socket");
            }
        }
    }
}
