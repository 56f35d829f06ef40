package cspjob.serializers;

/**
 * Encodes values of one type (and its subtypes) by standing in a value the serializer already
 * knows: a registered record, a string, a list... This is the hook the runtime uses for its own
 * types: a channel end inside a value travels as the channel's name and home address, and the
 * receiving JVM turns that back into a connected end.
 *
 * <pre>{@code
 * record EndAddress(String channel, String host, int port, boolean reader) { }
 *
 * context.register(EndAddress.class)
 *        .codec(ChannelEnd.class, "cspjob.ChannelEnd", new TypeCodec<ChannelEnd>() {
 *            public Object encode(ChannelEnd end) { return end.address(); }
 *            public ChannelEnd decode(Object address) { return dispatcher.connect((EndAddress) address); }
 *        });
 * }</pre>
 *
 * Codecs run on the writing and reading thread; they must be thread-safe when the serializer is
 * shared. An exception they throw reaches the caller wrapped in a {@link SerializationException}.
 *
 * @param <T> the type this codec encodes
 */
public interface TypeCodec<T> {

    /** Returns the value written in place of {@code value}: anything the serializer supports. */
    Object encode(T value);

    /** Builds the value back from what {@link #encode} returned, in the reading JVM. */
    T decode(Object standIn);
}
