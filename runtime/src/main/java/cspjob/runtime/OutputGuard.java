package cspjob.runtime;

/**
 * A write offered in an {@link Alternation}: if it is chosen, {@code value} has been written to the
 * channel of {@code writer}. Made by {@link ChannelWriter#guard(Object)}.
 *
 * @param <T> the channel's value type
 */
public record OutputGuard<T>(ChannelWriter<T> writer, T value) implements Guard {
}
