package cspjob.runtime;

/**
 * The reading end of a {@link Channel}. Any number of processes may share one; it is also an input
 * guard for an {@link Alternation}.
 *
 * @param <T> the channel's value type
 */
public final class ChannelReader<T> extends ChannelEnd<T> implements Guard {

    ChannelReader(Channel<T> channel) {
        super(channel);
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
    void leave() {
        channel.retireReader();
    }

    @Override
    String side() {
        return "reader";
    }
}
