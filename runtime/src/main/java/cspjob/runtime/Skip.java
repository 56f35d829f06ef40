package cspjob.runtime;

/**
 * A guard that is always ready. In {@link Alternation#priSelect} it fires when no guard before it is
 * ready, which makes the alternation a poll that never waits.
 */
public enum Skip implements Guard {
    /** The one Skip guard. */
    SKIP
}
