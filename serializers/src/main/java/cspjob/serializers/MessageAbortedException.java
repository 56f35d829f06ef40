package cspjob.serializers;

/**
 * The writer gave up on this message after part of it was already sent (for example it found an
 * unsupported type deep inside a large value) and said so on the stream. The message is dropped,
 * the reader stays in step with the stream, and the next {@code read} returns the next message.
 */
public class MessageAbortedException extends SerializationException {
    public MessageAbortedException(String message) {
        super(message);
    }
}
