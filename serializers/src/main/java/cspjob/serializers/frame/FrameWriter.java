package cspjob.serializers.frame;

import static cspjob.serializers.frame.FrameFormat.*;

import cspjob.serializers.MessageTooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;

/**
 * Writes messages to a channel through one bounded buffer (see {@link FrameFormat}): structured
 * values go into segments, bulk arrays are copied raw, and whenever the buffer holds a chunk it is
 * sent. Memory stays at one chunk however large the message. One owner at a time; not thread-safe.
 */
public final class FrameWriter implements AutoCloseable {
    private final int chunkSize;
    private final long maxMessageSize;
    private final ChunkBuffer chunk;
    private WritableByteChannel sink;
    private int segmentStart = -1;    // buffer offset of the open segment's header; -1 when none is open
    private long sentThisMessage;     // bytes of the current message already handed to the sink

    public FrameWriter(int chunkSize, long maxMessageSize) {
        this.chunkSize = chunkSize;
        this.maxMessageSize = maxMessageSize;
        this.chunk = new ChunkBuffer(Math.min(chunkSize, INITIAL_CHUNK) + SLACK);
    }

    /** Sends the following messages to {@code sink}, a channel in blocking mode. */
    public void sink(WritableByteChannel sink) { this.sink = sink; }

    public Wire wire() { return chunk.wire(); }

    public Bytes<?> bytes() { return chunk.bytes(); }

    private int position() { return (int) chunk.bytes().writePosition(); }

    /** @param continued whether type numbering goes on from the previous message on this stream */
    public void beginMessage(boolean continued) {
        sentThisMessage = 0;
        segmentStart = -1;
        chunk.bytes().writePosition(0);
        chunk.bytes().writeByte(continued ? MAGIC_CONTINUED : MAGIC).writeByte(VERSION);
    }

    /**
     * Call before each value: sends the buffer when it holds a full chunk (growing it first while
     * it is smaller than a chunk) and opens a segment for the structured bytes that follow.
     */
    public void room() {
        if (position() > chunk.capacity() - SLACK) {
            if (chunk.capacity() < chunkSize + SLACK) {
                grow();
            } else {
                closeSegment();
                flush();
            }
        }
        if (segmentStart < 0) {
            segmentStart = position();
            chunk.bytes().writeByte(SEGMENT).writeInt(0);
        }
    }

    private void grow() {
        int target = Math.min(chunkSize, 4 * (chunk.capacity() - SLACK)) + SLACK;
        int position = position();
        chunk.grow(target, 0, position);
        chunk.bytes().writePosition(position);
    }

    /** Bytes left in the current chunk for inline array data; 0 when a value should be streamed. */
    public int inlineRoom() {
        return Math.max(0, chunk.capacity() - SLACK - position());
    }

    /** Copies {@code count} elements into the open segment; the caller checked {@link #inlineRoom()}. */
    public void inline(ElementCopier source, int elementSize, int count) {
        int position = position();
        source.copy(0, chunk.memory(), position, count);
        chunk.bytes().writeSkip((long) count * elementSize);
    }

    /** Fails unless {@code bytes} more bytes fit in this message; call before writing their header. */
    public void checkRoomFor(long bytes) {
        long total = sentThisMessage + position() + bytes + FRAME_HEADER + 1;
        if (total > maxMessageSize) {
            throw new MessageTooLargeException("cannot send a message of more than " + total + " bytes: the limit is "
                    + maxMessageSize + " (SerializerContext.maxMessageSize); raise it on both sides or send less");
        }
    }

    /**
     * Streams {@code count} elements as raw bytes right after the current segment, which ends here.
     * The buffer is sent each time it holds a chunk.
     */
    public void stream(ElementCopier source, int elementSize, long count) {
        closeSegment();
        while (chunk.capacity() < chunkSize + SLACK) grow();
        long done = 0;
        while (done < count) {
            int fit = (chunkSize - position()) / elementSize;
            if (fit == 0) {
                flush();
                continue;
            }
            int n = (int) Math.min(fit, count - done);
            source.copy(done, chunk.memory(), position(), n);
            chunk.bytes().writeSkip((long) n * elementSize);
            done += n;
        }
    }

    /** Ends the message and sends everything still buffered. */
    public void endMessage() {
        closeSegment();
        chunk.bytes().writeByte(END);
        flush();
    }

    /**
     * Abandons the current message. When nothing of it was sent yet, nothing is sent at all;
     * otherwise an ABORT frame tells the reader to drop it. Either way the stream stays in step.
     */
    public void abort(String reason) {
        if (sentThisMessage == 0) {
            chunk.bytes().writePosition(0);
            segmentStart = -1;
            return;
        }
        closeSegment();
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_ABORT_REASON);
        // Everything buffered goes out first: it may end a streamed array the reader is inside.
        if (position() + FRAME_HEADER + length > chunk.capacity()) send();
        chunk.bytes().writeByte(ABORT).writeInt(0);
        putIntLE(position() - 4, length);
        chunk.bytes().write(text, 0, length);
        send();
    }

    private void closeSegment() {
        if (segmentStart < 0) return;
        int length = position() - segmentStart - FRAME_HEADER;
        if (length == 0) {
            chunk.bytes().writePosition(segmentStart);      // never send an empty segment
        } else {
            putIntLE(segmentStart + 1, length);
        }
        segmentStart = -1;
    }

    private void putIntLE(int offset, int value) {
        chunk.buffer().order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
    }

    private void flush() {
        int length = position();
        if (sentThisMessage + length > maxMessageSize) {
            throw new MessageTooLargeException("cannot send a message of more than " + (sentThisMessage + length)
                    + " bytes: the limit is " + maxMessageSize
                    + " (SerializerContext.maxMessageSize); raise it on both sides or send less");
        }
        send();
    }

    private void send() {
        int length = position();
        ByteBuffer out = chunk.buffer().clear().limit(length);
        try {
            while (out.hasRemaining()) {
                if (sink.write(out) == 0) Thread.onSpinWait();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sending a message failed after " + sentThisMessage
                    + " bytes; the connection is unusable now: " + e.getMessage(), e);
        }
        sentThisMessage += length;
        chunk.bytes().writePosition(0);
    }

    @Override
    public void close() {
        chunk.close();
    }
}
