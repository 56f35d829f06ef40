package cspjob.runtime;

/** What the two ends of a channel share: the channel they belong to, poison and retire. */
public sealed interface ChannelEnd permits ChannelReader, ChannelWriter {
    /** The channel this end belongs to. */
    Channel<?> channel();

    /** Poisons the whole channel. */
    void poison();

    /** Retires this end (see {@link ChannelReader#retire()} and {@link ChannelWriter#retire()}). */
    void retire();
}
