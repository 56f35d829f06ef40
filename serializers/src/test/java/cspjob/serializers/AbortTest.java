package cspjob.serializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A writer that fails after part of a message went out abandons it with an ABORT frame, wherever
 * inside a value it was; the reader drops that message and reads the next one.
 */
class AbortTest {
    interface Handle { }

    record Broken() implements Handle { }

    static final class Unwritable implements Serializable {
        private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
            throw new java.io.NotSerializableException("refuses on purpose");
        }
    }

    private final Serializer serializer = Serializer.create(new SerializerContext().chunkSize(4096)
            .maxMessageSize(1 << 20)
            .javaSerialization(Unwritable.class.getName())
            .codec(Handle.class, "handle", new TypeCodec<Handle>() {
                public Object encode(Handle handle) { throw new IllegalStateException("cannot encode " + handle); }

                public Handle decode(Object standIn) { return null; }
            }));

    /** A list whose first part fills several chunks (sent), then the failing element. */
    private static List<Object> bigPrefixThen(Object last) {
        List<Object> value = new ArrayList<>();
        for (int i = 0; i < 2000; i++) value.add("element " + i);
        value.add(last);
        return value;
    }

    private void assertAbandonedThenInStep(Function<MessageWriter, RuntimeException> failingWrite) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessageWriter writer = serializer.writer(Wires.sink(out))) {
            failingWrite.apply(writer);
            writer.write("next");
        }
        try (MessageReader reader = serializer.reader(Wires.source(out.toByteArray()))) {
            assertThrows(MessageAbortedException.class, reader::read);
            assertEquals("next", reader.read());
        }
    }

    @Test
    void aCodecFailingInsideAValue() {
        assertAbandonedThenInStep(w -> assertThrows(SerializationException.class,
                () -> w.write(bigPrefixThen(new Broken()))));
    }

    @Test
    void javaSerializationFailingInsideAValue() {
        assertAbandonedThenInStep(w -> assertThrows(SerializationException.class,
                () -> w.write(bigPrefixThen(new Unwritable()))));
    }

    @Test
    void aStreamedArrayOverTheLimitInsideAValue() {
        assertAbandonedThenInStep(w -> assertThrows(MessageTooLargeException.class,
                () -> w.write(bigPrefixThen(new double[1 << 17]))));
    }

    @Test
    void aLongStringOverTheLimitInsideAValue() {
        assertAbandonedThenInStep(w -> assertThrows(MessageTooLargeException.class,
                () -> w.write(bigPrefixThen("x".repeat(1 << 19)))));
    }
}
