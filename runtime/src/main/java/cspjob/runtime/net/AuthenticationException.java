package cspjob.runtime.net;

import java.io.IOException;

/** A peer did not prove it knows the job's secret, or does not speak cspjob's protocol; its connection is closed. */
final class AuthenticationException extends IOException {
    AuthenticationException(String message) {
        super(message);
    }
}
