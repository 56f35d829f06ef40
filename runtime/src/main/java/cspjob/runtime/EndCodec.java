package cspjob.runtime;

import cspjob.serializers.TypeCodec;

/**
 * How a channel end travels inside a value: as its channel's address (seed 000 §3.1). The receiving
 * JVM turns it back into an end of the same channel, reaching its home over the network. An end that
 * leaves takes its membership with it (the sender's copy no longer counts for retirement), so a
 * process sent to another JVM retires its ends there; an end sent a second time adds a member.
 */
final class EndCodec implements TypeCodec<ChannelEnd<?>> {
    private final Network network;

    EndCodec(Network network) {
        this.network = network;
    }

    @Override
    public Object encode(ChannelEnd<?> end) {
        Channel<?> channel = end.channel();
        ChannelAddress address = channel.isRemote() ? channel.remoteAddress() : network.host(channel);
        return new Protocol.EndAddress(address.name(), address.host(), address.port(), end instanceof ChannelReader<?>,
                end.giveUpMembership(), channel.name());
    }

    @Override
    public ChannelEnd<?> decode(Object standIn) {
        if (!(standIn instanceof Protocol.EndAddress address)) {
            throw new IllegalArgumentException("a channel end must travel as an EndAddress, not " + standIn.getClass().getSimpleName());
        }
        Channel<?> channel = network.channelAt(new ChannelAddress(address.host(), address.port(), address.channel()), address.name());
        return channel.arrivedEnd(address.reader(), address.member());
    }
}
