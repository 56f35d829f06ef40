package cspjob.runtime;

/**
 * An operation met a retired channel (every reader end, or every writer end, has retired) or used an
 * end that has itself retired. A process that ends with this exception retires every end it was given.
 */
public class ChannelRetiredException extends RuntimeException {
    private final String channelName;

    public ChannelRetiredException(Channel<?> channel, String why) {
        super("channel '" + channel.name() + "' is retired: " + why, null, false, false);
        this.channelName = channel.name();
    }

    /** The name of the retired channel. */
    public String channelName() {
        return channelName;
    }
}
