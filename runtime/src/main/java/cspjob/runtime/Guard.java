package cspjob.runtime;

/**
 * Something an {@link Alternation} can choose: a {@link ChannelReader} (ready when a value can be
 * read), an {@link OutputGuard} (ready when its value can be written), {@link Skip} (always ready)
 * or a {@link Timeout} (ready when its time is up).
 */
public sealed interface Guard permits ChannelReader, OutputGuard, Skip, Timeout {
}
