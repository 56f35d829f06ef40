package cspjob.benchmarks.serializers;

import cspjob.serializers.MessageReader;
import cspjob.serializers.MessageWriter;
import cspjob.serializers.Serializer;
import cspjob.serializers.SerializerContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Small values, encoded and decoded in memory, one message each: cspjob (a connection's writer and
 * reader, and one-off calls with pooled buffers) against Java's
 * ObjectOutputStream, both with a fresh stream per message (as pickle.dumps does) and with one
 * long-lived stream reset after every message (its fastest correct use).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SmallObjectBenchmark {
    public record Particle(long id, double x, double y, double z, String species, int[] cell) implements Serializable { }

    @Param({"particle", "strings", "integer", "bytes1k"})
    public String value;

    private Object payload;
    private final MemoryChannel memory = new MemoryChannel();
    private Serializer serializer;
    private MessageWriter writer;
    private MessageReader reader;
    private ObjectOutputStream streamOut;
    private ObjectInputStream streamIn;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        payload = switch (value) {
            case "particle" -> new Particle(42, 0.5, -1.25, 3.0, "electron", new int[] {1, 2, 3});
            case "strings" -> new ArrayList<>(List.of("alpha", "beta", "gamma"));
            case "bytes1k" -> new byte[1024];
            default -> 123_456;
        };
        serializer = Serializer.create(new SerializerContext().register(Particle.class));
        writer = serializer.writer(memory);
        reader = serializer.reader(memory);
        streamOut = new ObjectOutputStream(memory.asOutputStream());
        streamOut.flush();
        streamIn = new ObjectInputStream(memory.asInputStream());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        writer.close();
        reader.close();
    }

    @Benchmark
    public Object cspjob() {
        writer.write(payload);
        return reader.read();
    }

    /** One-off messages with pooled buffers: each message names its types in full. */
    @Benchmark
    public Object cspjobOneOff() {
        serializer.write(payload, memory);
        return serializer.read(memory);
    }

    @Benchmark
    public Object objectStreamPerMessage() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(payload);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Benchmark
    public Object objectStreamReset() throws Exception {
        streamOut.writeObject(payload);
        streamOut.reset();
        streamOut.flush();
        return streamIn.readObject();
    }
}
