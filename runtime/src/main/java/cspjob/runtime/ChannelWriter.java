package cspjob.runtime;

/**
 * The writing end of a {@link Channel}. Any number of processes may share one; {@link #guard(Object)}
 * makes an output guard for an {@link Alternation}.
 *
 * @param <T> the channel's value type
 */
public final class ChannelWriter<T> extends ChannelEnd<T> {

    ChannelWriter(Channel<T> channel) {
        super(channel);
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
    void leave() {
        channel.retireWriter();
    }

    @Override
    String side() {
        return "writer";
    }
}
