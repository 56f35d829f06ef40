package cspjob.serializers;

/**
 * The stream ended in the middle of a message: the peer closed the connection, crashed, or was cut
 * off while sending. What was read of the message is dropped.
 */
public class TruncatedMessageException extends CorruptMessageException {
    public TruncatedMessageException(String message) {
        super(message);
    }
}
