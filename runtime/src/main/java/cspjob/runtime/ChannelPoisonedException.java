package cspjob.runtime;

/**
 * An operation met a poisoned channel. This is how a CSP network shuts down: a process that ends
 * with this exception poisons every end it was given, and its {@link Csp#parallel} counts it as a
 * normal end, not a failure.
 */
public class ChannelPoisonedException extends RuntimeException {
    private final String channelName;

    public ChannelPoisonedException(Channel<?> channel) {
        this(channel.name());
    }

    /** For a channel known by name (its home is another JVM). */
    public ChannelPoisonedException(String channelName) {
        super("channel '" + channelName + "' is poisoned: a process poisoned it to shut the network down", null, false, false);
        this.channelName = channelName;
    }

    /** The name of the poisoned channel. */
    public String channelName() {
        return channelName;
    }
}
