package cspjob.serializers;

import cspjob.serializers.frame.FrameReader;
import cspjob.serializers.wire.ValueDecoder;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads values, one message each, from one channel, through one bounded buffer. Lengths in the
 * input are checked against {@link SerializerContext#maxMessageSize(long)} before memory is taken,
 * and only built-in, registered or allowed types are built.
 *
 * <pre>{@code
 * try (MessageReader in = serializer.reader(socketChannel)) {
 *     while (true) handle(in.read());
 * } catch (EndOfStreamException peerClosed) {
 *     // the peer closed the connection after its last message
 * }
 * }</pre>
 *
 * A reader from {@link Serializer#reader} reads ahead (fewer system calls), so it must be the only
 * reader of its channel; {@link Serializer#read} never reads past the end of its message. One owner
 * at a time: not thread-safe. Closing releases the buffer, not the channel.
 */
public final class MessageReader implements AutoCloseable {
    private final FrameReader frames;
    private final ValueDecoder decoder;
    private String brokenBy;    // why the stream is out of step, once it is
    private boolean closed;

    MessageReader(SerializerContext context, ReadableByteChannel source, boolean readAhead) {
        this.frames = new FrameReader(context.chunkSize(), context.maxMessageSize(), readAhead);
        this.decoder = new ValueDecoder(context.types(), frames, context.maxDepth(), context.maxValues());
        source(source);
    }

    void source(ReadableByteChannel source) {
        MessageWriter.checkBlocking(source);
        frames.source(source);
        decoder.reset();
        brokenBy = null;
    }

    /**
     * Reads the next message and returns its value.
     *
     * @throws EndOfStreamException when the stream ended cleanly before the message
     * @throws MessageAbortedException when the writer abandoned the message; read on
     * @throws TruncatedMessageException when the stream ended inside the message
     * @throws CorruptMessageException when the input is malformed; the stream is out of step then
     *         and the connection must be closed (so for the next two)
     * @throws DisallowedTypeException when the input names a type this side did not register or allow
     * @throws MessageTooLargeException when the message passes maxMessageSize or maxValues
     * @throws java.io.UncheckedIOException when the channel fails
     */
    public Object read() {
        if (closed) throw new IllegalStateException("this MessageReader is closed; open a new one with Serializer.reader");
        if (brokenBy != null) {
            throw new CorruptMessageException("this reader stopped at a bad message earlier (" + brokenBy
                    + ") and the stream is out of step: close the connection");
        }
        try {
            return decoder.readMessage();
        } catch (EndOfStreamException e) {
            throw e;
        } catch (MessageAbortedException e) {
            decoder.abandonMessage();
            throw e;
        } catch (CorruptMessageException | java.io.UncheckedIOException e) {
            throw abortedOrBroken(e);
        } catch (SerializationException e) {
            brokenBy = e.getMessage();
            throw e;
        } catch (RuntimeException e) {
            // Chronicle's own checks on malformed input (buffer underflow, bad codes) end up here.
            throw abortedOrBroken(new CorruptMessageException("malformed message: " + e, e));
        }
    }

    /** A value cut off by the writer's ABORT frame is an abandoned message, not a corrupt one. */
    private RuntimeException abortedOrBroken(RuntimeException failure) {
        MessageAbortedException aborted = failure instanceof CorruptMessageException ? frames.abortFollows() : null;
        if (aborted != null) {
            decoder.abandonMessage();
            return aborted;
        }
        brokenBy = failure.getMessage();
        return failure;
    }

    /** Reads the next message, whose value must be a {@code type} (or null). */
    public <T> T read(Class<T> type) {
        Object value = read();
        if (value != null && !type.isInstance(value)) {
            throw new SerializationException("expected a " + type.getName() + " but the message holds a "
                    + value.getClass().getName());
        }
        return type.cast(value);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        frames.close();
    }
}
