package cspjob.runtime.net;

/** What a {@link Dispatcher} does with the frames its connections receive. Called on the connection's reader thread. */
public interface FrameHandler {
    /**
     * Handles one frame.
     *
     * A handler refuses a frame that breaks the protocol by throwing {@link MalformedFrameRejection};
     * the dispatcher then closes the connection and logs why.
     */
    void onFrame(Connection from, Connection.Frame frame);

    /** The connection ended: {@code cause} is null for a clean close. */
    default void onClosed(Connection connection, Exception cause) {
    }

    /** Thrown by a handler to refuse a frame; the dispatcher closes the connection and logs the message. */
    final class MalformedFrameRejection extends RuntimeException {
        public MalformedFrameRejection(String message) {
            super(message);
        }
    }
}
