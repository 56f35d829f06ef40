package cspjob.runtime;

/**
 * What the two ends of a channel share: the channel they belong to, poison, and retirement.
 *
 * @param <T> the channel's value type
 */
public abstract sealed class ChannelEnd<T> permits ChannelReader, ChannelWriter {
    final Channel<T> channel;
    /** Guarded by the channel's monitor. */
    private boolean retired;

    ChannelEnd(Channel<T> channel) {
        this.channel = channel;
    }

    /** The channel this end belongs to. */
    public Channel<T> channel() {
        return channel;
    }

    /** Poisons the whole channel (see {@link Channel#poison()}). */
    public void poison() {
        channel.poison();
    }

    /**
     * Retires this end; idempotent. When every reader end has retired, writers get
     * {@link ChannelRetiredException}; when every writer end has, readers drain the buffer and then
     * get it.
     */
    public void retire() {
        synchronized (channel) {
            if (!retired) {
                retired = true;
                leave();
            }
        }
    }

    /** Tells the channel this end has retired; called once, under the channel's monitor. */
    abstract void leave();

    /** "reader" or "writer", for messages. */
    abstract String side();

    /** Called under the channel's monitor. */
    void checkNotRetired() {
        if (retired) {
            throw channel.retiredException("this " + side() + " end has retired and cannot be used any more;"
                    + " retire an end only when its process is done with it");
        }
    }

    @Override
    public String toString() {
        return side() + " of " + channel.name();
    }
}
