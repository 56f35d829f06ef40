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
    /** Whether this end counts for retirement: false once its membership has gone with a copy to another JVM. */
    private boolean member = true;

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
        boolean leave;
        synchronized (channel) {
            leave = !retired && member;
            retired = true;
        }
        if (leave) {
            leave();
        }
    }

    /**
     * Makes this JVM the channel's home (seed 000 §3.1, {@code become_home}): its reads and writes are
     * then matched here, without a round trip to another JVM. The old home hands over the buffered
     * values and every waiting operation, and sends later comers on. Nothing is lost or duplicated.
     * Does nothing when this JVM is the home already.
     *
     * <pre>{@code
     * record Element(ChannelReader<Integer> in, ChannelWriter<Integer> out) implements CspProcess {
     *     public void run() { in.becomeHome(); while (true) out.write(in.read() + 1); }
     * }
     * }</pre>
     */
    public void becomeHome() {
        if (channel.isRemote()) {
            Network.get().mobileHomes.becomeHome(channel);
        }
    }

    /** Hands this end's membership to a copy that leaves the JVM; true if it had one to give. */
    boolean giveUpMembership() {
        synchronized (channel) {
            boolean had = member;
            member = false;
            return had;
        }
    }

    /** Tells the channel this end has retired; called once. */
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
