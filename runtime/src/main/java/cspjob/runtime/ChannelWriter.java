package cspjob.runtime;

/**
 * The writing end of a {@link Channel}. Any number of processes may share one; {@link #guard(Object)}
 * makes an output guard for an {@link Alternation}.
 *
 * @param <T> the channel's value type
 */
public final class ChannelWriter<T> implements ChannelEnd {
    private final Channel<T> channel;
    /** Guarded by the channel's monitor. */
    private boolean retired;

    ChannelWriter(Channel<T> channel) {
        this.channel = channel;
    }

    /**
     * Writes a value: waits until a reader takes it (unbuffered) or the buffer has room.
     *
     * @throws ChannelPoisonedException when the channel is or becomes poisoned; the value is not delivered
     * @throws ChannelRetiredException  when every reader has retired, or this end has retired
     */
    public void write(T value) {
        channel.write(this, value);
    }

    /** An output guard that, when chosen by an {@link Alternation}, has written {@code value}. */
    public OutputGuard<T> guard(T value) {
        return new OutputGuard<>(this, value);
    }

    @Override
    public Channel<T> channel() {
        return channel;
    }

    @Override
    public void poison() {
        channel.poison();
    }

    /** Leaves the channel: when every writer end has retired, readers drain the buffer, then get {@link ChannelRetiredException}. Idempotent. */
    @Override
    public void retire() {
        synchronized (channel) {
            if (!retired) {
                retired = true;
                channel.retireWriter();
            }
        }
    }

    /** Called under the channel's monitor. */
    void checkNotRetired() {
        if (retired) {
            throw channel.retiredException("this writer end has retired and cannot write any more;"
                    + " retire an end only when its process is done with it");
        }
    }

    @Override
    public String toString() {
        return "writer of " + channel.name();
    }
}
