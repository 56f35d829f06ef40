package cspjob.serializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Many messages on one connection, real pipes and sockets, and streams left in step after errors. */
class StreamTest {
    record Point(int x, int y) { }

    private final Serializer serializer = Serializer.create(new SerializerContext().chunkSize(16 << 10)
            .register(Point.class));

    private static List<Object> mixedMessages() {
        List<Object> messages = new ArrayList<>();
        messages.add("first");
        messages.add(new Point(1, 2));
        messages.add(new double[100_000]);
        messages.add(null);
        messages.add(List.of(new byte[50_000], "tail"));
        messages.add(42);
        return messages;
    }

    private static void assertSameValue(Object expected, Object actual) {
        if (expected instanceof double[] d) assertArrayEquals(d, (double[]) actual);
        else if (expected instanceof List<?> l && l.get(0) instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) ((List<?>) actual).get(0));
            assertEquals(l.get(1), ((List<?>) actual).get(1));
        } else assertEquals(expected, actual);
    }

    @Test
    void aReaderThatReadsAheadKeepsMessagesApart() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessageWriter writer = serializer.writer(Wires.sink(out))) {
            for (Object m : mixedMessages()) writer.write(m);
        }
        try (MessageReader reader = serializer.reader(Wires.source(out.toByteArray()))) {
            for (Object m : mixedMessages()) assertSameValue(m, reader.read());
            assertThrows(EndOfStreamException.class, reader::read);
        }
    }

    @Test
    void oneOffReadsNeverReadPastTheirMessage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object m : mixedMessages()) serializer.write(m, Wires.sink(out));
        var source = Wires.source(out.toByteArray());
        for (Object m : mixedMessages()) assertSameValue(m, serializer.read(source));
        assertThrows(EndOfStreamException.class, () -> serializer.read(source));
    }

    @Test
    void messagesCrossAPipeBetweenThreads() throws Exception {
        Pipe pipe = Pipe.open();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try (MessageWriter writer = serializer.writer(pipe.sink())) {
                    for (int round = 0; round < 20; round++) for (Object m : mixedMessages()) writer.write(m);
                }
            });
            try (MessageReader reader = serializer.reader(pipe.source())) {
                for (int round = 0; round < 20; round++) for (Object m : mixedMessages()) assertSameValue(m, reader.read());
            }
            sender.get();
        });
        pipe.sink().close();
        pipe.source().close();
    }

    @Test
    void messagesCrossALoopbackSocket() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                    try (SocketChannel socket = SocketChannel.open(server.getLocalAddress());
                         MessageWriter writer = serializer.writer(socket)) {
                        for (Object m : mixedMessages()) writer.write(m);
                        writer.write(new long[3_000_000]);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                try (SocketChannel socket = server.accept(); MessageReader reader = serializer.reader(socket)) {
                    for (Object m : mixedMessages()) assertSameValue(m, reader.read());
                    assertArrayEquals(new long[3_000_000], (long[]) reader.read());
                    assertThrows(EndOfStreamException.class, reader::read);
                }
                sender.get();
            });
        }
    }

    @Test
    void aValueFailingBeforeAnythingWasSentLeavesNoTrace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessageWriter writer = serializer.writer(Wires.sink(out))) {
            writer.write("before");
            assertThrows(UnsupportedTypeException.class, () -> writer.write(List.of(1, new Object())));
            writer.write("after");
        }
        try (MessageReader reader = serializer.reader(Wires.source(out.toByteArray()))) {
            assertEquals("before", reader.read());
            assertEquals("after", reader.read());
        }
    }

    @Test
    void aValueFailingAfterChunksWereSentIsAbortedAndTheStreamStaysInStep() {
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) big.add("element " + i);
        big.add(new double[10_000]);
        big.add(new Object());                       // found only after several chunks went out
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MessageWriter writer = serializer.writer(Wires.sink(out))) {
            assertThrows(UnsupportedTypeException.class, () -> writer.write(big));
            writer.write("next");
        }
        try (MessageReader reader = serializer.reader(Wires.source(out.toByteArray()))) {
            MessageAbortedException aborted = assertThrows(MessageAbortedException.class, reader::read);
            assertEquals(true, aborted.getMessage().contains("java.lang.Object"), aborted.getMessage());
            assertEquals("next", reader.read());
        }
    }

    @Test
    void closedWritersAndReadersSaySo() {
        MessageWriter writer = serializer.writer(Wires.sink(new ByteArrayOutputStream()));
        writer.close();
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.write("late"));
        MessageReader reader = serializer.reader(Wires.source(new byte[0]));
        reader.close();
        assertThrows(IllegalStateException.class, reader::read);
    }

    @Test
    void nonBlockingChannelsAreRefused() throws Exception {
        try (Pipe.SinkChannel sink = Pipe.open().sink()) {
            sink.configureBlocking(false);
            assertThrows(IllegalArgumentException.class, () -> serializer.writer(sink));
        }
    }
}
