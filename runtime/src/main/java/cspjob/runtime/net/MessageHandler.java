package cspjob.runtime.net;

/** What a {@link Dispatcher} does with the messages its connections receive. Called on the connection's reader thread. */
public interface MessageHandler {
    /**
     * Handles one message. A handler refuses a message that breaks the protocol by throwing
     * {@link ProtocolViolation}; the dispatcher then closes the connection and logs why. A handler
     * must not block for long: the next message on the connection waits for it.
     */
    void onMessage(Connection from, Object message);

    /** The connection ended: {@code cause} is null for a clean close. */
    default void onClosed(Connection connection, Exception cause) {
    }

    /** Thrown by a handler to refuse a message; the dispatcher closes the connection and logs the message. */
    final class ProtocolViolation extends RuntimeException {
        public ProtocolViolation(String message) {
            super(message);
        }
    }
}
