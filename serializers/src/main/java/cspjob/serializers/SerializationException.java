package cspjob.serializers;

/**
 * A value could not be turned into bytes, or bytes into a value. The subclasses say which way it
 * failed and whether the connection is still usable; catch this type to handle them all.
 *
 * <p>Unchecked, like every cspjob failure: a caller that cannot do anything useful lets it pass.
 */
public class SerializationException extends RuntimeException {
    public SerializationException(String message) {
        super(message);
    }

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
