package cspjob.runtime;

import java.net.InetSocketAddress;

/**
 * Where a channel lives: its name and its home's dispatcher. Hand it to another program, which
 * reaches the channel with {@link Channel#connect(ChannelAddress)} (seed 000 Listing 2).
 *
 * @param host the home dispatcher's host
 * @param port the home dispatcher's port
 * @param name the channel's name at its home
 */
public record ChannelAddress(String host, int port, String name) {

    /** Parses {@code name@host:port}, the form {@link #toString()} writes. */
    public static ChannelAddress parse(String text) {
        int at = text.lastIndexOf('@');
        int colon = text.lastIndexOf(':');
        if (at <= 0 || colon < at) {
            throw new IllegalArgumentException("a channel address looks like name@host:port, not '" + text + "'");
        }
        try {
            return new ChannelAddress(text.substring(at + 1, colon), Integer.parseInt(text.substring(colon + 1)), text.substring(0, at));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a channel address looks like name@host:port; the port in '" + text + "' is not a number");
        }
    }

    InetSocketAddress home() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return name + "@" + host + ":" + port;
    }
}
