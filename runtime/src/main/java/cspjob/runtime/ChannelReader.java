package cspjob.runtime;

/**
 * The reading end of a {@link Channel}. Any number of processes may share one; it is also an input
 * guard for an {@link Alternation}.
 *
 * @param <T> the channel's value type
 */
public final class ChannelReader<T> implements Guard, ChannelEnd {
    private final Channel<T> channel;
    /** Guarded by the channel's monitor. */
    private boolean retired;

    ChannelReader(Channel<T> channel) {
        this.channel = channel;
    }

    /**
     * Waits for a value and returns it.
     *
     * @throws ChannelPoisonedException when the channel is or becomes poisoned
     * @throws ChannelRetiredException  when every writer has retired and the buffer is empty, or this end has retired
     */
    @SuppressWarnings("unchecked")
    public T read() {
        return (T) channel.read(this);
    }

    @Override
    public Channel<T> channel() {
        return channel;
    }

    @Override
    public void poison() {
        channel.poison();
    }

    /** Leaves the channel: when every reader end has retired, writers get {@link ChannelRetiredException}. Idempotent. */
    @Override
    public void retire() {
        synchronized (channel) {
            if (!retired) {
                retired = true;
                channel.retireReader();
            }
        }
    }

    /** Called under the channel's monitor. */
    void checkNotRetired() {
        if (retired) {
            throw channel.retiredException("this reader end has retired and cannot read any more;"
                    + " retire an end only when its process is done with it");
        }
    }

    @Override
    public String toString() {
        return "reader of " + channel.name();
    }
}
