package cspjob.serializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A connection's writer names each type once; aborts and one-off messages keep both sides agreed. */
class ConnectionTypeNamesTest {
    record Point(int x, int y) { }

    record Label(String text) { }

    private final Serializer serializer = Serializer.create(new SerializerContext().chunkSize(4096)
            .register(Point.class, Label.class));

    @Test
    void aTypeNameCrossesTheConnectionOnlyOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessageWriter writer = serializer.writer(Wires.sink(out))) {
            writer.write(new Point(1, 2));
            int first = out.size();
            writer.write(new Point(3, 4));
            int second = out.size() - first;
            assertTrue(second < first - Point.class.getName().length(), first + " then " + second + " bytes");
        }
        try (MessageReader reader = serializer.reader(Wires.source(out.toByteArray()))) {
            assertEquals(new Point(1, 2), reader.read());
            assertEquals(new Point(3, 4), reader.read());
        }
    }

    @Test
    void typesFirstNamedInAnAbortedMessageAreNamedAgainAfterIt() {
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 3000; i++) big.add(new Label("label " + i));      // several chunks go out
        big.add(new Object());                                                 // then the writer gives up
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessageWriter writer = serializer.writer(Wires.sink(out))) {
            writer.write(new Point(0, 0));
            assertThrows(UnsupportedTypeException.class, () -> writer.write(big));
            assertThrows(UnsupportedTypeException.class, () -> writer.write(List.of(new Label("x"), new Object())));
            writer.write(List.of(new Label("after"), new Point(5, 5)));
        }
        try (MessageReader reader = serializer.reader(Wires.source(out.toByteArray()))) {
            assertEquals(new Point(0, 0), reader.read());
            assertThrows(MessageAbortedException.class, reader::read);
            assertEquals(List.of(new Label("after"), new Point(5, 5)), reader.read());
        }
    }

    @Test
    void oneOffMessagesMayBeMixedIntoAConnectionsStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessageWriter writer = serializer.writer(Wires.sink(out))) {
            writer.write(new Point(1, 1));
            serializer.write(new Label("one-off"), Wires.sink(out));
            writer.write(new Point(2, 2));
        }
        try (MessageReader reader = serializer.reader(Wires.source(out.toByteArray()))) {
            assertEquals(new Point(1, 1), reader.read());
            assertEquals(new Label("one-off"), reader.read());
            assertEquals(new Point(2, 2), reader.read());
        }
    }

    @Test
    void oneOffReadsOfAConnectionsStreamFailWithAHint() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessageWriter writer = serializer.writer(Wires.sink(out))) {
            writer.write(new Point(1, 1));
            writer.write(new Point(2, 2));
        }
        var source = Wires.source(out.toByteArray());
        assertEquals(new Point(1, 1), serializer.read(source));
        CorruptMessageException e = assertThrows(CorruptMessageException.class, () -> serializer.read(source));
        assertTrue(e.getMessage().contains("MessageReader"), e.getMessage());
    }
}
