package cspjob.runtime;

/**
 * An operation on a channel whose home is another JVM could not complete: that JVM cannot be
 * reached, its connection closed (it probably ended), or it has no such channel. The message names
 * the channel and its home address.
 */
public class ChannelUnreachableException extends RuntimeException {
    private final String channelName;

    public ChannelUnreachableException(String channelName, String home, String why, Throwable cause) {
        super("channel '" + channelName + "' (home " + home + ") is unreachable: " + why, cause);
        this.channelName = channelName;
    }

    /** The name of the channel. */
    public String channelName() {
        return channelName;
    }
}
