package cspjob.runtime;

import java.time.Duration;

/**
 * A guard that becomes ready when its time, counted from the start of the alternation, is up. An
 * alternation with a Timeout waits at most that long; if no other guard fires first, the Timeout
 * does.
 *
 * @param nanos the time to wait, in nanoseconds (0 or more)
 */
public record Timeout(long nanos) implements Guard {
    public Timeout {
        if (nanos < 0) {
            throw new IllegalArgumentException("a Timeout cannot be negative (got " + nanos + " ns); use 0 or more");
        }
    }

    /** A Timeout after the given duration. */
    public static Timeout after(Duration duration) {
        return new Timeout(duration.toNanos());
    }

    /** A Timeout after the given number of milliseconds. */
    public static Timeout millis(long millis) {
        return new Timeout(Duration.ofMillis(millis).toNanos());
    }
}
