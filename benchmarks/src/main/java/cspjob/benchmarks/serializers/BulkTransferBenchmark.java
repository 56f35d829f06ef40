package cspjob.benchmarks.serializers;

import cspjob.serializers.MessageReader;
import cspjob.serializers.MessageWriter;
import cspjob.serializers.Serializer;
import cspjob.serializers.SerializerContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One array per message through a loopback TCP socket, encoded on one thread and decoded into a
 * new array on another, for cspjob, a raw copy of the same number of bytes (length prefix, then the
 * bytes of a byte[] of that size, received into a new byte[]: the physical limit of this path),
 * and ObjectOutputStream (one long-lived stream over a 64 KiB buffer, reset and flushed after every
 * message). Every method sends each message when it is written, as a channel must. The score to read is
 * the {@code bytes} counter: payload bytes delivered per second. Small messages go in batches of
 * 4 MiB so that the hand-over between the threads does not dominate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class BulkTransferBenchmark {
    static final int CHUNK = SerializerContext.CHUNK_SIZE_DEFAULT;

    @Param({"byte[]", "double[]"})
    public String type;

    @Param({"1024", "65536", "1048576", "16777216", "104857600", "1073741824"})
    public int size;

    private Object payload;        // what cspjob and ObjectOutputStream send
    private byte[] rawPayload;     // what the raw copy sends: the same number of bytes
    private int batch;
    private ServerSocketChannel server;
    private SocketChannel sending;
    private Thread receiver;
    private final Semaphore delivered = new Semaphore(0);
    private MessageWriter writer;
    private ObjectOutputStream objectOut;

    /** Payload bytes moved, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Moved {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        payload = type.equals("byte[]") ? new byte[size] : new double[size / 8];
        if (payload instanceof double[] d) for (int i = 0; i < d.length; i++) d[i] = i;
        rawPayload = new byte[size];
        batch = Math.max(1, (4 << 20) / size);
        Serializer serializer = Serializer.create(new SerializerContext().maxMessageSize(2L << 30));
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sending = SocketChannel.open(server.getLocalAddress());
        SocketChannel receiving = server.accept();
        receiver = Thread.ofPlatform().name("receiver").daemon().start(() -> receive(method, serializer, receiving));
        if (method.equals("cspjob")) writer = serializer.writer(sending);
        if (method.equals("objectOutputStream")) {
            objectOut = new ObjectOutputStream(new BufferedOutputStream(Channels.newOutputStream(sending), 1 << 16));
            objectOut.flush();
        }
    }

    private void receive(String method, Serializer serializer, SocketChannel socket) {
        try (socket) {
            switch (method) {
                case "cspjob" -> {
                    try (MessageReader reader = serializer.reader(socket)) {
                        while (true) {
                            for (int i = 0; i < batch; i++) reader.read();
                            delivered.release();
                        }
                    }
                }
                case "raw" -> {
                    ByteBuffer header = ByteBuffer.allocate(8);
                    while (true) {
                        for (int i = 0; i < batch; i++) {
                            header.clear();
                            while (header.hasRemaining()) if (socket.read(header) < 0) return;
                            byte[] into = new byte[(int) header.getLong(0)];
                            for (int at = 0; at < into.length; ) {
                                int n = socket.read(ByteBuffer.wrap(into, at, Math.min(CHUNK, into.length - at)));
                                if (n < 0) return;
                                at += n;
                            }
                        }
                        delivered.release();
                    }
                }
                default -> {
                    ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Channels.newInputStream(socket), 1 << 16));
                    while (true) {
                        for (int i = 0; i < batch; i++) in.readObject();
                        delivered.release();
                    }
                }
            }
        } catch (Exception endOfTrial) {
            // the sending side closed the socket
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (writer != null) writer.close();
        sending.close();
        receiver.join(10_000);
        server.close();
    }

    @Benchmark
    public void cspjob(Moved moved) throws InterruptedException {
        for (int i = 0; i < batch; i++) writer.write(payload);
        delivered.acquire();
        moved.bytes += (long) batch * size;
    }

    @Benchmark
    public void raw(Moved moved) throws Exception {
        ByteBuffer header = ByteBuffer.allocate(8);
        for (int i = 0; i < batch; i++) {
            header.clear().putLong(0, rawPayload.length);
            ByteBuffer first = ByteBuffer.wrap(rawPayload, 0, Math.min(CHUNK, rawPayload.length));
            ByteBuffer[] headerAndFirst = {header, first};      // one system call for a small message
            while (header.hasRemaining() || first.hasRemaining()) sending.write(headerAndFirst);
            for (int at = first.limit(); at < rawPayload.length; ) {
                at += sending.write(ByteBuffer.wrap(rawPayload, at, Math.min(CHUNK, rawPayload.length - at)));
            }
        }
        delivered.acquire();
        moved.bytes += (long) batch * size;
    }

    @Benchmark
    public void objectOutputStream(Moved moved) throws IOException, InterruptedException {
        for (int i = 0; i < batch; i++) {
            objectOut.writeObject(payload);
            objectOut.reset();
            objectOut.flush();      // a message is sent when it is written, as on a channel
        }
        delivered.acquire();
        moved.bytes += (long) batch * size;
    }
}
