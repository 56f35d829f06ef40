package cspjob.serializers;

import static cspjob.serializers.MessageBytes.message;
import static cspjob.serializers.Wires.decode;
import static cspjob.serializers.Wires.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Truncated, oversized and corrupt input: a specific exception every time, no OutOfMemoryError, no hang. */
class BadInputTest {
    record Point(int x, int y) { }

    private final Serializer serializer = Serializer.create(new SerializerContext().chunkSize(4096)
            .maxMessageSize(1 << 20).register(Point.class));

    private <T extends Throwable> T refused(Class<T> expected, byte[] input) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(expected, () -> decode(serializer, input)));
    }

    @Test
    void everyTruncationOfAMessageIsReportedAsTruncated() {
        byte[] whole = encode(serializer, List.of("text", new Point(1, 2), new double[1000], List.of(1L, 2L)));
        refused(EndOfStreamException.class, new byte[0]);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int length = 1; length < whole.length; length++) {
                byte[] prefix = Arrays.copyOf(whole, length);
                assertThrows(TruncatedMessageException.class, () -> decode(serializer, prefix), "prefix " + length);
            }
        });
    }

    @Test
    void messagesOverTheLimitAreRefusedBeforeTheirMemoryIsTaken() {
        Serializer generous = Serializer.create(new SerializerContext().maxMessageSize(1L << 30));
        refused(MessageTooLargeException.class, encode(generous, new byte[2 << 20]));
        refused(MessageTooLargeException.class, encode(generous, new ArrayList<>(java.util.Collections.nCopies(1_500_000, 0))));
        // An array header that claims 2^31 - 9 doubles (16 GiB) in a message of a few bytes.
        refused(MessageTooLargeException.class, message().segment(16, 6 | 0x80, 0xf6, 0xff, 0xff, 0xff, 0x07).end().bytes());
        // A list that claims 2^40 elements.
        refused(MessageTooLargeException.class, message().segment(12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20).end().bytes());
    }

    @Test
    void claimedCountsNeverAllocateMoreThanTheLimitsAllow() {
        Serializer huge = Serializer.create(new SerializerContext().maxMessageSize(64L << 30));
        // An Object[] that claims a billion elements in a 10-byte segment: no 4 GiB array is made.
        byte[] objects = message().segment(15, 0, 128, 148, 235, 220, 3).end().bytes();
        assertThrows(MessageTooLargeException.class, () -> decode(huge, objects));
        // A streamed double[] of 2^31 - 9 elements (16 GiB) within a 64 GiB limit: more than any test heap.
        byte[] doubles = message().segment(16, 6 | 0x80, 247, 255, 255, 255, 7).end().bytes();
        MessageTooLargeException e = assertThrows(MessageTooLargeException.class, () -> decode(huge, doubles));
        assertTrue(e.getMessage().contains("heap"), e.getMessage());
    }

    @Test
    void aWriterRefusesToSendOverItsLimitAndTheStreamStaysUsable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessageWriter writer = serializer.writer(Wires.sink(out))) {
            assertThrows(MessageTooLargeException.class, () -> writer.write(new long[1 << 18]));
            writer.write("still fine");
        }
        assertEquals("still fine", decode(serializer, out.toByteArray()));
    }

    @Test
    void tooManyValuesAreRefused() {
        Serializer strict = Serializer.create(new SerializerContext().maxValues(1000));
        byte[] many = encode(serializer, new ArrayList<>(java.util.Collections.nCopies(5000, 1)));
        assertThrows(MessageTooLargeException.class, () -> decode(strict, many));
    }

    @Test
    void nestingBeyondTheLimitIsRefusedOnBothSides() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        SerializationException e = assertThrows(SerializationException.class, () -> encode(serializer, cycle));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        Object deep = 1;
        for (int i = 0; i < 100; i++) deep = List.of(deep);
        byte[] bytes = encode(serializer, deep);
        Serializer shallow = Serializer.create(new SerializerContext().maxDepth(50));
        assertThrows(CorruptMessageException.class, () -> decode(shallow, bytes));
    }

    @Test
    void malformedFramesAreReportedAsCorrupt() {
        refused(CorruptMessageException.class, new byte[] {0x12, 0x34, 0, 0, 0, 0, 0});
        refused(CorruptMessageException.class, new byte[] {(byte) 0xC5, 2, 'S', 1, 0, 0, 0, 0, 'E'});
        refused(CorruptMessageException.class, message().raw('X', 0, 0, 0, 0).bytes());
        refused(CorruptMessageException.class, message().segment().end().bytes());
        refused(CorruptMessageException.class, message().segmentOfLength(Integer.MAX_VALUE).bytes());
        refused(CorruptMessageException.class, message().segmentOfLength(-5).bytes());
        refused(CorruptMessageException.class, message().raw('E').bytes());
        refused(CorruptMessageException.class, message().segment(0, 0).end().bytes());      // a byte after the value
        refused(CorruptMessageException.class, message().segment(0).segment(0).end().bytes());
        refused(CorruptMessageException.class, message().segment(0).raw('Z').bytes());
    }

    @Test
    void malformedValuesAreReportedAsCorrupt() {
        refused(CorruptMessageException.class, message().segment(99).end().bytes());           // unknown tag
        refused(CorruptMessageException.class, message().segment(16, 9, 0).end().bytes());     // unknown array kind
        refused(CorruptMessageException.class, message().segment(16, 6, 5, 1).end().bytes());  // 5 doubles, 1 byte
        refused(CorruptMessageException.class, message().segment(18, 3).end().bytes());        // type #3 never named
        refused(CorruptMessageException.class, message().segment(12, 2, 0).end().bytes());     // 2 elements, 1 given
        refused(CorruptMessageException.class, message().segment(16, 6 | 0x80, 1, 0).raw(0, 0, 0, 0, 0, 0, 0, 0).end().bytes());
    }

    @Test
    void typesThatWereNeverAllowedAreNotBuilt() {
        byte[] name = "java.lang.ProcessBuilder".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int[] payload = new int[3 + name.length];
        payload[0] = 18;
        payload[1] = 0;
        payload[2] = 0xE0 + name.length;
        for (int i = 0; i < name.length; i++) payload[3 + i] = name[i];
        DisallowedTypeException e = refused(DisallowedTypeException.class, message().segment(payload).end().bytes());
        assertTrue(e.getMessage().contains("java.lang.ProcessBuilder"), e.getMessage());
    }

    @Test
    void aReaderStopsForGoodAfterABadMessage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(message().segment(99).end().bytes());
        out.writeBytes(encode(serializer, "fine"));
        try (MessageReader reader = serializer.reader(Wires.source(out.toByteArray()))) {
            assertThrows(CorruptMessageException.class, reader::read);
            CorruptMessageException again = assertThrows(CorruptMessageException.class, reader::read);
            assertTrue(again.getMessage().contains("close the connection"), again.getMessage());
        }
    }
}
