package cspjob.serializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SerializerContextTest {
    record Point(int x, int y) { }

    @Test
    void defaultsAreWrittenDownAndEchoed() {
        SerializerContext context = new SerializerContext();
        assertEquals(SerializerContext.CHUNK_SIZE_DEFAULT, context.chunkSize());
        assertEquals(SerializerContext.MAX_MESSAGE_SIZE_DEFAULT, context.maxMessageSize());
        assertEquals(SerializerContext.MAX_DEPTH_DEFAULT, context.maxDepth());
        assertEquals(SerializerContext.MAX_VALUES_DEFAULT, context.maxValues());
        String echo = context.register(Point.class).allowPackages("org.example").toString();
        assertTrue(echo.contains("chunkSize=524288") && echo.contains(Point.class.getName())
                && echo.contains("org.example") && echo.contains("javaSerialization=off"), echo);
    }

    @Test
    void sizesParseWithUnits() {
        assertEquals(512 << 10, Sizes.parse("p", "512k"));
        assertEquals(1L << 20, Sizes.parse("p", "1M"));
        assertEquals(2L << 30, Sizes.parse("p", " 2g "));
        assertEquals(4096, Sizes.parse("p", "4096"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse("cspjob.x", "lots"));
        assertTrue(e.getMessage().contains("-Dcspjob.x=lots"), e.getMessage());
    }

    @Test
    void impossibleSettingsAreRefusedOnce() {
        assertThrows(IllegalArgumentException.class, () -> new SerializerContext().chunkSize(100).conclude());
        assertThrows(IllegalArgumentException.class, () -> new SerializerContext().chunkSize(64 << 20).conclude());
        assertThrows(IllegalArgumentException.class, () -> new SerializerContext().maxMessageSize(10).conclude());
        assertThrows(IllegalArgumentException.class, () -> new SerializerContext().maxDepth(0).conclude());
        assertThrows(IllegalArgumentException.class, () -> new SerializerContext().maxValues(0).conclude());
        assertThrows(IllegalArgumentException.class, () -> new SerializerContext().allowPackages(" "));
    }

    @Test
    void aContextInUseCannotChange() {
        SerializerContext context = new SerializerContext();
        Serializer.create(context);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> context.register(Point.class));
        assertTrue(e.getMessage().contains("make a new one"), e.getMessage());
    }

    @Test
    void oneSerializerServesManyThreadsAtOnce() throws Exception {
        Serializer serializer = Serializer.create(new SerializerContext().chunkSize(4096).register(Point.class));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int id = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        Object value = i % 3 == 0 ? new Point(id, i) : i % 3 == 1 ? new double[i * 10] : List.of(id, "s" + i);
                        Object back = Wires.roundTrip(serializer, value);
                        if (value instanceof double[] d) assertEquals(d.length, ((double[]) back).length);
                        else assertEquals(value, back);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        }
    }
}
