package cspjob.runtime;

/**
 * An operation met a retired channel (every reader end, or every writer end, has retired) or used an
 * end that has itself retired. A process that ends with this exception retires every end it was given.
 */
public class ChannelRetiredException extends RuntimeException {
    private final String channelName;
    private final String why;

    public ChannelRetiredException(Channel<?> channel, String why) {
        this(channel.name(), why);
    }

    /** For a channel known by name (its home is another JVM). */
    public ChannelRetiredException(String channelName, String why) {
        super("channel '" + channelName + "' is retired: " + why, null, false, false);
        this.channelName = channelName;
        this.why = why;
    }

    /** Why, without the channel: "all writers have retired", say. */
    public String why() {
        return why;
    }

    /** The name of the retired channel. */
    public String channelName() {
        return channelName;
    }
}
