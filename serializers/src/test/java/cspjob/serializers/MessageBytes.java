package cspjob.serializers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds messages byte by byte, to feed the reader input no writer would produce. */
final class MessageBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static MessageBytes message() {
        MessageBytes m = new MessageBytes();
        m.out.write(0xC5);
        m.out.write(1);
        return m;
    }

    MessageBytes raw(int... bytes) {
        for (int b : bytes) out.write(b);
        return this;
    }

    MessageBytes segment(int... payload) {
        return segmentOfLength(payload.length, payload);
    }

    /** A segment header claiming {@code length} bytes, followed by {@code payload} (which may be shorter). */
    MessageBytes segmentOfLength(int length, int... payload) {
        out.write('S');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(length).array());
        return raw(payload);
    }

    MessageBytes end() {
        out.write('E');
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
