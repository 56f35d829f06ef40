package cspjob.serializers.frame;

import static cspjob.serializers.frame.FrameFormat.*;

import cspjob.serializers.CorruptMessageException;
import cspjob.serializers.EndOfStreamException;
import cspjob.serializers.MessageAbortedException;
import cspjob.serializers.MessageTooLargeException;
import cspjob.serializers.TruncatedMessageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;

/**
 * Reads messages written by a {@link FrameWriter} through one bounded buffer. Every length read
 * from the stream is checked against the bytes the message may still use before memory is taken
 * for it. With read-ahead off it never reads a byte past the end of the message, so other data may
 * follow on the same channel. One owner at a time; not thread-safe.
 */
public final class FrameReader implements AutoCloseable {
    private final int chunkSize;
    private final long maxMessageSize;
    private final boolean readAhead;
    private final ChunkBuffer chunk;
    private ReadableByteChannel source;
    private int position;            // next unread byte outside segments
    private int filled;              // end of the bytes read into the buffer
    private int segmentEnd = -1;     // while a segment is open, Chronicle's read position is the cursor
    private long consumed;           // bytes of the current message taken so far

    public FrameReader(int chunkSize, long maxMessageSize, boolean readAhead) {
        this.chunkSize = chunkSize;
        this.maxMessageSize = maxMessageSize;
        this.readAhead = readAhead;
        this.chunk = new ChunkBuffer(Math.min(chunkSize, INITIAL_CHUNK) + SLACK);
    }

    /** Reads the following messages from {@code source}, a channel in blocking mode. */
    public void source(ReadableByteChannel source) {
        this.source = source;
        position = 0;
        filled = 0;
        segmentEnd = -1;
    }

    public Wire wire() { return chunk.wire(); }

    public Bytes<?> bytes() { return chunk.bytes(); }

    /**
     * Starts a message: checks its preamble.
     *
     * @return whether the message goes on numbering types from the previous one (see {@link FrameFormat})
     */
    public boolean beginMessage() {
        segmentEnd = -1;
        consumed = 0;
        // Every message starts with the preamble and a segment header: read them in one go.
        int start = 2 + FRAME_HEADER;
        if (filled == position && fill(start, true) < 0) {
            throw new EndOfStreamException("the stream ended after the last complete message");
        }
        need(start);
        ByteBuffer buffer = chunk.buffer();
        byte magic = buffer.get(position);
        if (magic != MAGIC && magic != MAGIC_CONTINUED || buffer.get(position + 1) != VERSION) {
            throw new CorruptMessageException(String.format("a message must start with 0x%02x 0x%02x but starts with"
                    + " 0x%02x 0x%02x: the peer is not a cspjob serializer of this version, or the stream is out of step",
                    MAGIC, VERSION, buffer.get(position), buffer.get(position + 1)));
        }
        take(2);
        return magic == MAGIC_CONTINUED;
    }

    /** Call before each value: opens the next segment when the current one is used up. */
    public void ensure() {
        if (segmentEnd >= 0) {
            if (chunk.bytes().readPosition() < segmentEnd) return;
            position = segmentEnd;
            segmentEnd = -1;
        }
        openSegment();
    }

    /** Bytes left in the open segment. */
    public long segmentRemaining() {
        return segmentEnd < 0 ? 0 : segmentEnd - chunk.bytes().readPosition();
    }

    private void openSegment() {
        need(1);
        byte type = chunk.buffer().get(position);
        switch (type) {
            case SEGMENT -> {
                int length = frameLength(MAX_SEGMENT, "segment");
                budget(length, "a segment of the message");
                if (length == 0) throw new CorruptMessageException("empty segment: writers never send one");
                take(FRAME_HEADER);
                need(length + 1);     // at least one byte of the message always follows a segment
                chunk.bytes().readPositionRemaining(position, length);
                segmentEnd = position + length;
                consumed += length;
            }
            case ABORT -> throw aborted();
            case END -> throw new CorruptMessageException("the message ended before its value was complete");
            default -> throw new CorruptMessageException(String.format(
                    "unknown frame type 0x%02x %d bytes into the message", type, consumed));
        }
    }

    private int frameLength(int max, String what) {
        need(FRAME_HEADER);
        int length = chunk.buffer().order(ByteOrder.LITTLE_ENDIAN).getInt(position + 1);
        if (length < 0 || length > max) {
            throw new CorruptMessageException("impossible " + what + " length " + length + " (at most " + max + ")");
        }
        return length;
    }

    private MessageAbortedException aborted() {
        int length = frameLength(MAX_ABORT_REASON, "abort reason");
        take(FRAME_HEADER);
        need(length);
        byte[] reason = new byte[length];
        chunk.buffer().get(position, reason);
        take(length);
        return new MessageAbortedException("the writer abandoned this message: "
                + new String(reason, StandardCharsets.UTF_8));
    }

    /** Fails unless {@code bytes} more bytes fit in the message; call before allocating for them. */
    public void budget(long bytes, String what) {
        if (bytes > maxMessageSize - consumed) {
            throw new MessageTooLargeException(what + " needs " + bytes + " bytes after " + consumed
                    + " bytes already read, over the limit of " + maxMessageSize
                    + " (SerializerContext.maxMessageSize); raise it on both sides if such messages are meant");
        }
    }

    /** Copies {@code count} elements from the open segment; fails when the segment holds fewer bytes. */
    public void inline(ElementCopier target, int elementSize, int count) {
        long length = (long) count * elementSize;
        if (length > segmentRemaining()) {
            throw new CorruptMessageException("an array of " + count + " elements claims more bytes than its segment holds");
        }
        long at = chunk.bytes().readPosition();
        target.copy(0, chunk.memory(), at, count);
        chunk.bytes().readSkip(length);
    }

    /** Reads {@code count} elements streamed raw after the current segment, which must be used up. */
    public void stream(ElementCopier target, int elementSize, long count) {
        if (segmentRemaining() != 0) {
            throw new CorruptMessageException("a streamed array must end its segment, but " + segmentRemaining()
                    + " bytes follow its header");
        }
        position = segmentEnd;
        segmentEnd = -1;
        budget(count * elementSize, "a streamed array of " + count + " elements");
        if (chunk.capacity() < chunkSize + SLACK) grow(chunkSize + SLACK);
        long done = 0;
        while (done < count) {
            int available = (filled - position) / elementSize;
            if (available == 0) {
                // Copy whatever each read brings, as a plain read loop would: no waiting for a full chunk.
                if (filled - position < elementSize) compact();
                int wanted = (int) Math.min((count - done) * elementSize, chunkSize) - (filled - position);
                if (fill(wanted, false) < 0) {
                    throw new TruncatedMessageException("the stream ended " + consumed + " bytes into a message, inside"
                            + " an array of " + count + " elements: the peer closed the connection or stopped mid-message");
                }
                continue;
            }
            int n = (int) Math.min(available, count - done);
            target.copy(done, chunk.memory(), position, n);
            take(n * elementSize);
            done += n;
        }
    }

    /**
     * After decoding failed: when the failure came at the very end of a segment and an ABORT frame
     * follows, the writer abandoned the message mid-value; returns that, with the frame consumed so
     * the stream stays in step. Returns null otherwise.
     */
    public MessageAbortedException abortFollows() {
        if (segmentEnd < 0 || chunk.bytes().readPosition() < segmentEnd) return null;
        position = segmentEnd;
        segmentEnd = -1;
        try {
            need(1);
        } catch (RuntimeException e) {
            return null;
        }
        return chunk.buffer().get(position) == ABORT ? aborted() : null;
    }

    /** Ends the message: its value must have used every byte of it. */
    public void endMessage() {
        if (segmentEnd >= 0) {
            if (segmentRemaining() != 0) {
                throw new CorruptMessageException(segmentRemaining() + " unread bytes follow the value in its segment");
            }
            position = segmentEnd;
            segmentEnd = -1;
        }
        need(1);
        byte type = chunk.buffer().get(position);
        switch (type) {
            case END -> take(1);
            case ABORT -> throw aborted();
            default -> throw new CorruptMessageException(String.format(
                    "expected the end of the message but found frame type 0x%02x", type));
        }
    }

    private void take(int n) {
        position += n;
        consumed += n;
    }

    /** Makes {@code n} unread bytes available at {@link #position}, reading from the source as needed. */
    private void need(int n) {
        if (filled - position >= n) return;
        if (position + n > chunk.capacity()) {
            if (n > chunk.capacity() - SLACK) {
                grow(Math.max(n, chunkSize) + SLACK);
            } else {
                compact();
            }
        }
        while (filled - position < n) {
            if (fill(n - (filled - position), false) < 0) {
                throw new TruncatedMessageException("the stream ended " + consumed + " bytes into a message that needs "
                        + (n - (filled - position)) + " more: the peer closed the connection or stopped mid-message");
            }
        }
    }

    /** One read of at least 1 and, without read-ahead, at most {@code wanted} bytes; -1 at end of stream. */
    private int fill(int wanted, boolean atMessageStart) {
        if (filled == chunk.capacity()) compact();
        int limit = readAhead ? chunk.capacity() : Math.min(chunk.capacity(), filled + wanted);
        if (limit <= filled) throw new IllegalStateException("no room to read into: " + filled + " of " + limit);
        ByteBuffer buffer = chunk.buffer().limit(limit).position(filled);
        try {
            int n;
            while ((n = source.read(buffer)) == 0) Thread.onSpinWait();
            if (n > 0) filled += n;
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException((atMessageStart ? "waiting for a message" : "reading a message")
                    + " failed; the connection is unusable now: " + e.getMessage(), e);
        }
    }

    private void compact() {
        int unread = filled - position;
        ByteBuffer buffer = chunk.buffer();
        buffer.limit(filled).position(position);
        buffer.compact();
        position = 0;
        filled = unread;
    }

    private void grow(int capacity) {
        chunk.grow(capacity, position, filled);
        filled -= position;
        position = 0;
    }

    @Override
    public void close() {
        chunk.close();
    }
}
