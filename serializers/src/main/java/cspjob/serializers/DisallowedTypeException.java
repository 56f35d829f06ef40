package cspjob.serializers;

/**
 * A message names a type that this side has neither registered nor allowed, so it was not built:
 * decoding never creates arbitrary classes named in its input. Either the two sides registered
 * different types (register the same ones on both), or a peer sent something it should not have.
 * The rest of the message was not read, so the connection must be closed.
 */
public class DisallowedTypeException extends SerializationException {
    public DisallowedTypeException(String message) {
        super(message);
    }
}
