package cspjob.serializers;

import cspjob.serializers.frame.FrameWriter;
import cspjob.serializers.wire.ValueEncoder;
import java.nio.channels.SelectableChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Writes values, one message each, to one channel (a socket, a pipe, a file). It owns one bounded
 * buffer: a value of any size goes out in chunks of {@link SerializerContext#chunkSize(int)}, so
 * memory stays flat however large the message. Keep one writer per connection and reuse it; small
 * messages then cost no allocation and one {@code write} call each, and a type's name is sent only
 * the first time the type is used on the connection, so read the stream with one
 * {@link MessageReader} (not with one-off {@link Serializer#read} calls).
 *
 * <pre>{@code
 * try (MessageWriter out = serializer.writer(socketChannel)) {
 *     out.write(new Particle(1, 0.5, 0.25));
 *     out.write(new double[1 << 27]);       // 1 GiB, streamed in chunks
 * }
 * }</pre>
 *
 * One owner at a time: not thread-safe. Closing releases the buffer, not the channel.
 */
public final class MessageWriter implements AutoCloseable {
    private final FrameWriter frames;
    private final ValueEncoder encoder;
    private boolean closed;

    MessageWriter(SerializerContext context, WritableByteChannel sink, boolean connection) {
        this.frames = new FrameWriter(context.chunkSize(), context.maxMessageSize());
        this.encoder = new ValueEncoder(context.types(), frames, context.maxDepth(), connection);
        sink(sink);
    }

    /** Points this writer at another channel (pooled writers are reused this way). */
    void sink(WritableByteChannel sink) {
        checkBlocking(sink);
        frames.sink(sink);
    }

    /** The serializer streams with blocking reads and writes; a non-blocking channel would spin. */
    static void checkBlocking(java.nio.channels.Channel channel) {
        if (channel instanceof SelectableChannel selectable && !selectable.isBlocking()) {
            throw new IllegalArgumentException("the channel is in non-blocking mode; the serializer streams with"
                    + " blocking reads and writes, so configureBlocking(true) first");
        }
    }

    /**
     * Writes {@code value} as one message and sends all of it before returning.
     *
     * @throws UnsupportedTypeException when the value holds a type the serializer does not know
     * @throws MessageTooLargeException when the message would pass the size limit
     * @throws SerializationException for other values that cannot be written; after any of these
     *         the reader either saw nothing or drops the message, so the connection stays usable
     * @throws java.io.UncheckedIOException when the channel fails; the connection is unusable then
     */
    public void write(Object value) {
        if (closed) throw new IllegalStateException("this MessageWriter is closed; open a new one with Serializer.writer");
        try {
            encoder.writeMessage(value);
            frames.endMessage();
        } catch (SerializationException e) {
            encoder.abandonMessage();
            frames.abort(e.getMessage());
            throw e;
        } catch (java.io.UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            encoder.abandonMessage();
            frames.abort(e.toString());
            throw new SerializationException("writing a " + (value == null ? "null" : value.getClass().getName())
                    + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        frames.close();
    }
}
