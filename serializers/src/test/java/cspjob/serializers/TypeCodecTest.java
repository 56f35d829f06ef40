package cspjob.serializers;

import static cspjob.serializers.Wires.encode;
import static cspjob.serializers.Wires.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The hook the runtime uses for its own types (channel ends) inside user values. */
class TypeCodecTest {
    /** Stands for a runtime type that must not be copied field by field: a live channel end. */
    interface End { String channel(); }

    static final class LiveEnd implements End {
        private final String channel;
        final Object connection = new Object();    // not serializable on purpose

        LiveEnd(String channel) { this.channel = channel; }

        public String channel() { return channel; }
    }

    record EndAddress(String channel, String host, int port) { }

    record Job(String name, End input, List<End> outputs) { }

    /** What the receiving JVM does: reconnect to the channel's home. */
    private final Map<String, LiveEnd> reconnected = new ConcurrentHashMap<>();

    private final TypeCodec<End> endCodec = new TypeCodec<>() {
        public Object encode(End end) { return new EndAddress(end.channel(), "node7", 7007); }

        public End decode(Object standIn) {
            EndAddress address = (EndAddress) standIn;
            return reconnected.computeIfAbsent(address.channel(), LiveEnd::new);
        }
    };

    private final Serializer serializer = Serializer.create(new SerializerContext()
            .register(EndAddress.class, Job.class)
            .codec(End.class, "cspjob.End", endCodec));

    @Test
    void endsInsideValuesTravelAsAddressesAndComeBackReconnected() {
        Job job = new Job("ring", new LiveEnd("in"), List.of(new LiveEnd("out1"), new LiveEnd("out2")));
        Job back = (Job) roundTrip(serializer, job);
        assertEquals("ring", back.name());
        assertEquals("in", back.input().channel());
        assertEquals(List.of("out1", "out2"), back.outputs().stream().map(End::channel).toList());
        assertEquals(3, reconnected.size());
        assertInstanceOf(LiveEnd.class, back.input());
    }

    @Test
    void aCodecCoversSubtypesOfItsType() {
        assertInstanceOf(LiveEnd.class, roundTrip(serializer, new LiveEnd("x")));
    }

    @Test
    void aFailingCodecIsNamedInTheError() {
        Serializer failing = Serializer.create(new SerializerContext().codec(End.class, "bad", new TypeCodec<>() {
            public Object encode(End end) { throw new IllegalStateException("no home for " + end.channel()); }

            public End decode(Object standIn) { return null; }
        }));
        SerializationException e = assertThrows(SerializationException.class, () -> encode(failing, new LiveEnd("c")));
        assertTrue(e.getMessage().contains("'bad'") && e.getMessage().contains("no home for c"), e.getMessage());
    }

    @Test
    void aCodecThatDecodesTheWrongTypeIsCaught() {
        Serializer wrong = Serializer.create(new SerializerContext().codec(End.class, "wrong", new TypeCodec<>() {
            public Object encode(End end) { return end.channel(); }

            @SuppressWarnings("unchecked")
            public End decode(Object standIn) { return (End) (Object) List.of(); }
        }));
        assertThrows(SerializationException.class, () -> roundTrip(wrong, new LiveEnd("c")));
    }
}
