package cspjob.runtime;

/**
 * An operation met a poisoned channel. This is how a CSP network shuts down: a process that ends
 * with this exception poisons every end it was given, and its {@link Csp#parallel} counts it as a
 * normal end, not a failure.
 */
public class ChannelPoisonedException extends RuntimeException {
    private final String channelName;

    public ChannelPoisonedException(Channel<?> channel) {
        super("channel '" + channel.name() + "' is poisoned: a process poisoned it to shut the network down", null, false, false);
        this.channelName = channel.name();
    }

    /** The name of the poisoned channel. */
    public String channelName() {
        return channelName;
    }
}
