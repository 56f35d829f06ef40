package cspjob.serializers;

import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Turns values into a stream of bytes and back, one message per value, through a bounded buffer:
 * however large the value, neither side ever holds a second full copy of it, so time per byte stays
 * flat from kilobytes to gigabytes (the fix for the drop in seed 000, Fig. 3).
 *
 * <p>Structured values (records, plain classes, enums, strings, boxed primitives, lists, sets and
 * maps of them) are written with Chronicle Wire's binary format; primitive arrays and byte buffers
 * go as raw copies on a bulk path. Only built-in and registered (or allowed) types are ever built
 * from input; see {@link SerializerContext}.
 *
 * <pre>{@code
 * record Particle(int id, double x, double y) { }
 *
 * Serializer serializer = Serializer.create(new SerializerContext().register(Particle.class));
 * serializer.write(new Particle(1, 0.5, 0.25), socketChannel);
 * Particle p = serializer.read(socketChannel, Particle.class);      // on the other side
 * }</pre>
 *
 * For a connection that carries many messages, keep a {@link MessageWriter} and a
 * {@link MessageReader} on it ({@link #writer}, {@link #reader}). A serializer is thread-safe.
 */
public interface Serializer {

    /** A serializer with the settings and types of {@code context}, which is frozen from now on. */
    static Serializer create(SerializerContext context) {
        return new PooledSerializer(context.conclude());
    }

    /** The settings this serializer runs with. */
    SerializerContext context();

    /** A writer that owns a buffer for {@code sink}; close it to release the buffer. */
    MessageWriter writer(WritableByteChannel sink);

    /**
     * A reader that owns a buffer for {@code source} and reads ahead, so it must be the only reader
     * of that channel; close it to release the buffer.
     */
    MessageReader reader(ReadableByteChannel source);

    /** Writes {@code value} as one message to {@code sink}, with a pooled buffer. See {@link MessageWriter#write}. */
    void write(Object value, WritableByteChannel sink);

    /**
     * Reads one message from {@code source} with a pooled buffer, never reading past its end. See
     * {@link MessageReader#read}.
     */
    Object read(ReadableByteChannel source);

    /** Reads one message whose value must be a {@code type} (or null). */
    default <T> T read(ReadableByteChannel source, Class<T> type) {
        Object value = read(source);
        if (value != null && !type.isInstance(value)) {
            throw new SerializationException("expected a " + type.getName() + " but the message holds a "
                    + value.getClass().getName());
        }
        return type.cast(value);
    }
}
