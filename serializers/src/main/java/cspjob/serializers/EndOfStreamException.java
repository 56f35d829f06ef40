package cspjob.serializers;

/**
 * The stream ended cleanly, between two messages: the peer closed its end after its last message.
 * A reading loop ends here; nothing was lost.
 */
public class EndOfStreamException extends SerializationException {
    public EndOfStreamException(String message) {
        super(message);
    }
}
