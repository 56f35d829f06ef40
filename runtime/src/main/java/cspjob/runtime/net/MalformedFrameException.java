package cspjob.runtime.net;

import java.io.IOException;

/** A frame broke the protocol (bad length, unknown type, truncated); the connection it came on is closed. */
final class MalformedFrameException extends IOException {
    MalformedFrameException(String message) {
        super(message);
    }
}
