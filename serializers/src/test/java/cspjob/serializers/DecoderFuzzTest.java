package cspjob.serializers;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the decoder 100,000 random and mutated messages: each must decode to some value or fail
 * with one of the specific {@link SerializationException}s (corrupt, truncated, too large,
 * disallowed type, aborted, end of stream); never another exception, an Error, or a hang.
 */
class DecoderFuzzTest {
    static final int FRAMES = 100_000;
    /** Fixed, so a failure repeats; -Dfuzz.seed=N tries other inputs. */
    static final long SEED = Long.getLong("fuzz.seed", 0x5eed_c5_01L);

    record Point(int x, int y) { }

    record Shape(String name, List<Point> corners, double[] weights, Colour colour, Object extra) { }

    enum Colour { RED, GREEN, BLUE }

    private final Serializer writer = Serializer.create(new SerializerContext().chunkSize(4096)
            .register(Point.class, Shape.class, Colour.class));
    /** Small limits, so that even a lucky mutation cannot ask for much memory. */
    private final Serializer reader = Serializer.create(new SerializerContext().chunkSize(4096)
            .maxMessageSize(1 << 20).maxValues(50_000).maxDepth(64).register(Point.class, Shape.class, Colour.class));

    private List<byte[]> corpus() {
        List<Object> values = new ArrayList<>();
        values.add(null);
        values.add(42);
        values.add("a string");
        values.add("long ".repeat(3000));
        values.add(List.of(1, 2L, 3.0, 4f, (short) 5, (byte) 6, '7', true, "8"));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("k", List.of(new Point(1, 2)));
        map.put(3, new int[] {1, 2, 3});
        values.add(map);
        values.add(new Shape("tri", List.of(new Point(0, 0), new Point(1, 0), new Point(0, 1)),
                new double[] {0.5, 0.25}, Colour.GREEN, Map.of("z", new long[2])));
        values.add(new double[2000]);
        values.add(new byte[100]);
        values.add(ByteBuffer.allocateDirect(64));
        values.add(new Object[] {"x", null, new String[] {"y"}});
        values.add(List.of(List.of(List.of(List.of("deep")))));
        List<byte[]> corpus = new ArrayList<>();
        for (Object value : values) corpus.add(Wires.encode(writer, value));
        return corpus;
    }

    @Test
    void randomAndMutatedFramesOnlyEverGiveSerializationExceptions() {
        List<byte[]> corpus = corpus();
        Random random = new Random(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int i = 0; i < FRAMES; i++) {
                byte[] input = next(random, corpus, i);
                try {
                    Wires.decode(reader, input);
                } catch (SerializationException expected) {
                    if (!isSpecific(expected)) {
                        fail("frame " + i + " (seed " + SEED + ") gave an unspecific " + expected, expected);
                    }
                } catch (Throwable other) {
                    fail("frame " + i + " (seed " + SEED + ") gave " + other + " for input "
                            + Arrays.toString(Arrays.copyOf(input, Math.min(input.length, 64))), other);
                }
            }
        });
    }

    /**
     * One of the exceptions that say what was wrong with the input, and not a wrapped programming
     * error of the decoder (a null, a bad cast, an index out of range).
     */
    private static boolean isSpecific(SerializationException e) {
        boolean kind = e instanceof CorruptMessageException || e instanceof MessageTooLargeException
                || e instanceof DisallowedTypeException || e instanceof EndOfStreamException
                || e instanceof MessageAbortedException;
        Throwable cause = e.getCause();
        boolean bug = cause instanceof NullPointerException || cause instanceof ClassCastException
                || cause instanceof ArrayIndexOutOfBoundsException || cause instanceof NegativeArraySizeException
                || cause instanceof ArrayStoreException || cause instanceof StackOverflowError;
        return kind && !bug;
    }

    private static byte[] next(Random random, List<byte[]> corpus, int i) {
        byte[] base = corpus.get(random.nextInt(corpus.size()));
        return switch (i % 6) {
            case 0 -> randomBytes(random, false);
            case 1 -> randomBytes(random, true);
            case 2 -> flip(random, base);
            case 3 -> splice(random, base, corpus.get(random.nextInt(corpus.size())));
            case 4 -> extremeLengths(random, base);
            default -> insertOrDelete(random, base);
        };
    }

    /** Random bytes, optionally after a valid preamble and segment header so the decoder gets further. */
    private static byte[] randomBytes(Random random, boolean framed) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        if (framed && bytes.length > 8) {
            bytes[0] = (byte) 0xC5;
            bytes[1] = 1;
            bytes[2] = 'S';
            ByteBuffer.wrap(bytes, 3, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(random.nextInt(bytes.length));
            if (random.nextBoolean()) bytes[7] = (byte) random.nextInt(21);     // a real tag
        }
        return bytes;
    }

    private static byte[] flip(Random random, byte[] base) {
        byte[] bytes = base.clone();
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
            int at = random.nextInt(bytes.length);
            bytes[at] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : (byte) (bytes[at] ^ (1 << random.nextInt(8)));
        }
        return bytes;
    }

    private static byte[] splice(Random random, byte[] a, byte[] b) {
        int cut = random.nextInt(a.length);
        int from = random.nextInt(b.length);
        byte[] bytes = Arrays.copyOf(a, cut + b.length - from);
        System.arraycopy(b, from, bytes, cut, b.length - from);
        return bytes;
    }

    /** Writes a huge, negative or off-by-one number over four bytes somewhere in the message. */
    private static byte[] extremeLengths(Random random, byte[] base) {
        byte[] bytes = base.clone();
        if (bytes.length < 8) return bytes;
        int at = random.nextInt(bytes.length - 4);
        int[] extremes = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1 << 24, 1 << 30, 0x7f7f7f7f};
        ByteBuffer.wrap(bytes, at, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(extremes[random.nextInt(extremes.length)]);
        if (random.nextBoolean()) bytes[at + random.nextInt(4)] = (byte) 0xff;
        return bytes;
    }

    private static byte[] insertOrDelete(Random random, byte[] base) {
        int at = random.nextInt(base.length);
        int n = 1 + random.nextInt(8);
        if (random.nextBoolean()) {
            byte[] bytes = new byte[base.length + n];
            System.arraycopy(base, 0, bytes, 0, at);
            for (int k = 0; k < n; k++) bytes[at + k] = (byte) random.nextInt(256);
            System.arraycopy(base, at, bytes, at + n, base.length - at);
            return bytes;
        }
        int end = Math.min(base.length, at + n);
        byte[] bytes = new byte[base.length - (end - at)];
        System.arraycopy(base, 0, bytes, 0, at);
        System.arraycopy(base, end, bytes, at, base.length - end);
        return bytes;
    }
}
