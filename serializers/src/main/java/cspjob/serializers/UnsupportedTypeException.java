package cspjob.serializers;

/**
 * A value to write contains an object of a type the serializer cannot encode: not a built-in type,
 * not registered, not in an allowed package, and not covered by a codec. Nothing of the message
 * reached the peer, or the peer was told that the message was abandoned, so the connection stays
 * usable. Register the type on both sides ({@link SerializerContext#register}) or give it a
 * {@link TypeCodec}.
 */
public class UnsupportedTypeException extends SerializationException {
    public UnsupportedTypeException(String message) {
        super(message);
    }
}
