package cspjob.runtime;

/**
 * In a JVM that is not a channel's home, where that channel lives and how its operations reach it:
 * every read and write is posted at the home, which matches it and sends the outcome back.
 */
final class RemoteHome {
    final Network network;
    final ChannelAddress address;
    /** The channel's name as its program gave it (its name at home may be name~2), for messages. */
    final String channelName;

    RemoteHome(Network network, ChannelAddress address, String channelName) {
        this.network = network;
        this.address = address;
        this.channelName = channelName;
    }

    Object read(Channel<?> proxy) {
        return network.post(this, proxy, false, null);
    }

    void write(Channel<?> proxy, Object value) {
        network.post(this, proxy, true, value);
    }

    /** Poisons at the home; a home that is gone cannot be poisoned, and its users fail anyway. */
    void poison() {
        tell(new Protocol.Poison(address.name()));
    }

    void join(boolean reader) {
        network.peer(this).sendQuietly(new Protocol.Join(address.name(), reader));
    }

    void retire(boolean reader) {
        tell(new Protocol.Retire(address.name(), reader));
    }

    private void tell(Object message) {
        try {
            network.peer(this).sendQuietly(message);
        } catch (ChannelUnreachableException gone) {
            // nothing left to tell
        }
    }

    ChannelUnreachableException unreachable(String why, Throwable cause) {
        return new ChannelUnreachableException(channelName, address.host() + ":" + address.port(), why, cause);
    }
}
