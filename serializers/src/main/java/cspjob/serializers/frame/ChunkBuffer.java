package cspjob.serializers.frame;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;

/**
 * One bounded, direct buffer seen three ways: as a {@link ByteBuffer} for channel I/O, as a
 * {@link MemorySegment} for bulk copies, and as Chronicle {@link Bytes} with a binary {@link Wire}
 * for structured values. Owned by one writer or reader; not thread-safe.
 */
final class ChunkBuffer implements AutoCloseable {
    private ByteBuffer buffer;
    private MemorySegment memory;
    private Bytes<ByteBuffer> bytes;
    private Wire wire;

    ChunkBuffer(int capacity) {
        ChronicleSetup.ensure();
        allocate(capacity);
    }

    private void allocate(int capacity) {
        buffer = ByteBuffer.allocateDirect(capacity);
        memory = MemorySegment.ofBuffer(buffer);
        bytes = Bytes.wrapForWrite(buffer);
        // Owned by one writer or reader at a time, but that owner may be any (virtual) thread.
        bytes.singleThreadedCheckDisabled(true);
        wire = WireType.BINARY_LIGHT.apply(bytes);
    }

    int capacity() { return buffer.capacity(); }

    /** The whole buffer, for channel I/O: callers set position and limit before each use. */
    ByteBuffer buffer() { return buffer; }

    MemorySegment memory() { return memory; }

    Bytes<ByteBuffer> bytes() { return bytes; }

    Wire wire() { return wire; }

    /** Replaces the buffer by a larger one holding bytes {@code [from, to)} of the old one at 0. */
    void grow(int newCapacity, int from, int to) {
        MemorySegment old = memory;
        Bytes<ByteBuffer> oldBytes = bytes;
        allocate(newCapacity);
        MemorySegment.copy(old, from, memory, 0, to - from);
        oldBytes.releaseLast();
    }

    @Override
    public void close() {
        if (bytes.refCount() > 0) bytes.releaseLast();
    }
}
