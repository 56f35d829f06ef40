package cspjob.serializers;

import static cspjob.serializers.Wires.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BulkRoundTripTest {
    private final Serializer serializer = Serializer.create(new SerializerContext().chunkSize(64 << 10));

    /** Lengths around the inline/streamed boundary and across several chunks. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 1000, 8191, 8192, 30_000, 65_536, 100_003, 1 << 20})
    void everyPrimitiveArrayComesBackEqual(int length) {
        Random random = new Random(length);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        short[] shorts = new short[length];
        char[] chars = new char[length];
        int[] ints = new int[length];
        long[] longs = new long[length];
        float[] floats = new float[length];
        double[] doubles = new double[length];
        boolean[] flags = new boolean[length];
        for (int i = 0; i < length; i++) {
            shorts[i] = (short) random.nextInt();
            chars[i] = (char) random.nextInt();
            ints[i] = random.nextInt();
            longs[i] = random.nextLong();
            floats[i] = random.nextFloat() - 0.5f;
            doubles[i] = random.nextGaussian();
            flags[i] = random.nextBoolean();
        }
        assertArrayEquals(bytes, (byte[]) roundTrip(serializer, bytes));
        assertArrayEquals(shorts, (short[]) roundTrip(serializer, shorts));
        assertArrayEquals(chars, (char[]) roundTrip(serializer, chars));
        assertArrayEquals(ints, (int[]) roundTrip(serializer, ints));
        assertArrayEquals(longs, (long[]) roundTrip(serializer, longs));
        assertArrayEquals(floats, (float[]) roundTrip(serializer, floats));
        assertArrayEquals(doubles, (double[]) roundTrip(serializer, doubles));
        assertArrayEquals(flags, (boolean[]) roundTrip(serializer, flags));
    }

    @Test
    void arraysInsideStructuresStreamAndComeBack() {
        double[] big = new double[200_000];
        for (int i = 0; i < big.length; i++) big[i] = i * 0.5;
        List<Object> value = List.of("before", big, new int[] {1, 2, 3}, "after", big);
        @SuppressWarnings("unchecked")
        List<Object> back = (List<Object>) roundTrip(serializer, value);
        assertEquals("before", back.get(0));
        assertArrayEquals(big, (double[]) back.get(1));
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) back.get(2));
        assertEquals("after", back.get(3));
        assertArrayEquals(big, (double[]) back.get(4));
    }

    @Test
    void heapBufferSendsPositionToLimitAndIsNotMoved() {
        ByteBuffer buffer = ByteBuffer.allocate(100);
        for (int i = 0; i < 100; i++) buffer.put((byte) i);
        buffer.position(10).limit(90);
        ByteBuffer back = (ByteBuffer) roundTrip(serializer, buffer);
        assertEquals(10, buffer.position());
        assertEquals(80, back.remaining());
        assertEquals(buffer, back);
        assertTrue(!back.isDirect());
    }

    @Test
    void directBufferComesBackDirectWithItsByteOrder() {
        for (int size : new int[] {0, 5, 300_000}) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < size; i++) buffer.put(i, (byte) (i * 31));
            ByteBuffer back = (ByteBuffer) roundTrip(serializer, buffer);
            assertTrue(back.isDirect());
            assertEquals(ByteOrder.LITTLE_ENDIAN, back.order());
            assertEquals(buffer, back);
        }
    }

    @Test
    void readOnlyBuffersCanBeSent() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3}).asReadOnlyBuffer();
        assertEquals(buffer, roundTrip(serializer, buffer));
    }
}
