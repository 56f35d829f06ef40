package cspjob.serializers;

/**
 * A message is, or claims to be, larger than {@link SerializerContext#maxMessageSize(long)} (or has
 * more values than {@link SerializerContext#maxValues(long)}). Raised before the memory for it is
 * taken, so a lying length can never cause an {@code OutOfMemoryError}. On the writing side nothing
 * usable reached the peer and the connection stays usable; on the reading side the rest of the
 * message was not read, so the connection must be closed. Raise the limit on both sides if such
 * messages are meant.
 */
public class MessageTooLargeException extends SerializationException {
    public MessageTooLargeException(String message) {
        super(message);
    }
}
