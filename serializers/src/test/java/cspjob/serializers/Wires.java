package cspjob.serializers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** Test helpers: in-memory channels and one-call round trips. */
final class Wires {
    private Wires() {
    }

    static byte[] encode(Serializer serializer, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.write(value, Channels.newChannel(out));
        return out.toByteArray();
    }

    static Object decode(Serializer serializer, byte[] bytes) {
        return serializer.read(source(bytes));
    }

    static Object roundTrip(Serializer serializer, Object value) {
        return decode(serializer, encode(serializer, value));
    }

    static ReadableByteChannel source(byte[] bytes) {
        return Channels.newChannel(new ByteArrayInputStream(bytes));
    }

    static WritableByteChannel sink(ByteArrayOutputStream out) {
        return Channels.newChannel(out);
    }
}
