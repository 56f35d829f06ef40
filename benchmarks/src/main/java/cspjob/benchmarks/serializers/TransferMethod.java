package cspjob.benchmarks.serializers;

import cspjob.serializers.MessageReader;
import cspjob.serializers.MessageWriter;
import cspjob.serializers.Serializer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Semaphore;

/**
 * One way of moving one array per message through its own loopback TCP connection, with a receiver
 * thread that decodes every message into a new array and acknowledges each batch. The three ways:
 * cspjob, a raw copy of the same number of bytes (8-byte length, then the bytes of a byte[], sent
 * and received in chunk-sized slices into a new byte[]), and ObjectOutputStream (one stream over a
 * 64 KiB buffer, reset and flushed after every message). Each sends a message when it is written.
 */
abstract class TransferMethod implements AutoCloseable {
    static final int CHUNK = 512 << 10;

    final String name;
    private final ServerSocketChannel server;
    final SocketChannel sending;
    private final Thread receiver;
    private final Semaphore delivered = new Semaphore(0);
    private volatile int batch;

    TransferMethod(String name) throws IOException {
        this.name = name;
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sending = SocketChannel.open(server.getLocalAddress());
        SocketChannel receiving = server.accept();
        receiver = Thread.ofPlatform().name(name + "-receiver").daemon().start(() -> {
            try (receiving) {
                receiveForever(receiving);
            } catch (Exception closed) {
                // the sending side closed
            }
        });
    }

    /** Sends {@code count} messages and returns when the receiver has decoded all of them. */
    final void transfer(Object payload, byte[] rawPayload, int count) throws Exception {
        batch = count;
        for (int i = 0; i < count; i++) send(payload, rawPayload);
        flush();
        delivered.acquire();
    }

    /** Called by the receiver after each message; acknowledges the batch when it is complete. */
    private int received;

    final void received() {
        if (++received == batch) {
            received = 0;
            delivered.release();
        }
    }

    abstract void send(Object payload, byte[] rawPayload) throws IOException;

    void flush() throws IOException { }

    abstract void receiveForever(SocketChannel socket) throws Exception;

    @Override
    public void close() throws Exception {
        sending.close();
        receiver.join(10_000);
        server.close();
    }

    static TransferMethod cspjob(Serializer serializer) throws IOException {
        return new TransferMethod("cspjob") {
            private final MessageWriter writer = serializer.writer(sending);

            void send(Object payload, byte[] raw) { writer.write(payload); }

            void receiveForever(SocketChannel socket) {
                try (MessageReader reader = serializer.reader(socket)) {
                    while (true) {
                        reader.read();
                        received();
                    }
                }
            }
        };
    }

    static TransferMethod raw() throws IOException {
        return new TransferMethod("raw") {
            private final ByteBuffer header = ByteBuffer.allocate(8);

            void send(Object payload, byte[] raw) throws IOException {
                header.clear().putLong(0, raw.length);
                ByteBuffer first = ByteBuffer.wrap(raw, 0, Math.min(CHUNK, raw.length));
                ByteBuffer[] headerAndFirst = {header, first};      // one system call for a small message
                while (header.hasRemaining() || first.hasRemaining()) sending.write(headerAndFirst);
                for (int at = first.limit(); at < raw.length; ) {
                    at += sending.write(ByteBuffer.wrap(raw, at, Math.min(CHUNK, raw.length - at)));
                }
            }

            void receiveForever(SocketChannel socket) throws IOException {
                ByteBuffer length = ByteBuffer.allocate(8);
                while (true) {
                    length.clear();
                    while (length.hasRemaining()) if (socket.read(length) < 0) return;
                    byte[] into = new byte[(int) length.getLong(0)];
                    for (int at = 0; at < into.length; ) {
                        int n = socket.read(ByteBuffer.wrap(into, at, Math.min(CHUNK, into.length - at)));
                        if (n < 0) return;
                        at += n;
                    }
                    received();
                }
            }
        };
    }

    static TransferMethod objectOutputStream() throws IOException {
        return new TransferMethod("objectOutputStream") {
            private final ObjectOutputStream out = open();

            private ObjectOutputStream open() throws IOException {
                ObjectOutputStream stream = new ObjectOutputStream(
                        new BufferedOutputStream(Channels.newOutputStream(sending), 1 << 16));
                stream.flush();
                return stream;
            }

            void send(Object payload, byte[] raw) throws IOException {
                out.writeObject(payload);
                out.reset();
                out.flush();
            }

            void receiveForever(SocketChannel socket) throws Exception {
                ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Channels.newInputStream(socket), 1 << 16));
                while (true) {
                    in.readObject();
                    received();
                }
            }
        };
    }

    static void uncheckedClose(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
