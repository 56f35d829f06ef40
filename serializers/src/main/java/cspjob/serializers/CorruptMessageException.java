package cspjob.serializers;

/**
 * The bytes read are not a well-formed message: a bad frame, an impossible length, a value that
 * does not fit the type it claims. The stream is out of step after this, so the connection must be
 * closed; it usually means the peer is not a cspjob serializer of the same version, or the data was
 * damaged on the way.
 */
public class CorruptMessageException extends SerializationException {
    public CorruptMessageException(String message) {
        super(message);
    }

    public CorruptMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
