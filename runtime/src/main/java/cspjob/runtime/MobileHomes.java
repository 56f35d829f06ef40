package cspjob.runtime;

import cspjob.runtime.net.Connection;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mobile homes (seed 000 §3.1, the MOVE protocol): a JVM asks a channel's home to hand the channel
 * over ({@link Protocol.Move}); the old home suspends it under its monitor, hands over the buffered
 * values, the retirement counts and every waiting operation ({@link Protocol.MoveGranted}), which the
 * new home posts again on behalf of their JVMs, and from then on forwards late comers and tells them
 * where the channel went ({@link Protocol.Moved}). A home already moved on only says where to.
 */
final class MobileHomes {
    private final Network network;
    /** Names of channels whose home is on its way here, with the posts that came for them meanwhile. Guards itself. */
    private final Map<String, List<Protocol.Post>> arriving = new HashMap<>();
    /** Moves asked for by this JVM and not yet answered, by the channel's name at the old home. */
    private final ConcurrentHashMap<String, CompletableFuture<Object>> moves = new ConcurrentHashMap<>();

    MobileHomes(Network network) {
        this.network = network;
    }

    /** The channel a post is for, if it is hosted here; null when it is not (yet: see {@link #deferred}). */
    Channel<?> hostedHere(Protocol.Post post) {
        synchronized (arriving) {
            return network.homes.get(post.channel());
        }
    }

    /** Keeps a post for a channel whose home is on its way here; false when no such home is expected. */
    boolean deferred(Protocol.Post post) {
        synchronized (arriving) {
            Channel<?> channel = network.homes.get(post.channel());
            List<Protocol.Post> waiting = arriving.get(post.channel());
            if (channel != null || waiting == null) {
                return false;
            }
            waiting.add(post);
            return true;
        }
    }

    /** Makes this JVM the home of {@code channel}, whose home is elsewhere ({@link ChannelEnd#becomeHome()}). */
    void becomeHome(Channel<?> channel) {
        synchronized (channel.moveLock()) {
            while (true) {
                RemoteHome old = channel.remoteHome();
                if (old == null) {
                    return; // home already
                }
                String newName = reserveName(channel.name());
                CompletableFuture<Object> answer = new CompletableFuture<>();
                moves.put(old.address.name(), answer);
                Object reply;
                try {
                    network.peer(old).connection.send(new Protocol.Move(old.address.name(), newName));
                    reply = answer.join();
                } catch (RuntimeException e) {
                    synchronized (arriving) {
                        arriving.remove(newName);
                    }
                    throw old.unreachable("cannot move its home here: " + e.getMessage(), e);
                } finally {
                    moves.remove(old.address.name());
                }
                if (reply instanceof Protocol.Moved moved) {
                    synchronized (arriving) {
                        arriving.remove(newName);
                    }
                    channel.moved(new RemoteHome(network, new ChannelAddress(moved.host(), moved.port(), moved.name()), channel.name()));
                    if (network.isSelf(moved.host(), moved.port())) {
                        return;
                    }
                    continue; // ask the home it moved to
                }
                install(channel, newName, (Protocol.MoveGranted) reply);
                return;
            }
        }
    }

    private String reserveName(String base) {
        synchronized (arriving) {
            String name = base;
            for (int n = 2; network.homes.containsKey(name) || arriving.containsKey(name); n++) {
                name = base + "~" + n;
            }
            arriving.put(name, new ArrayList<>());
            return name;
        }
    }

    private void install(Channel<?> channel, String name, Protocol.MoveGranted state) {
        synchronized (channel) {
            channel.becomeHomeOf(state);
            channel.wireName(name);
        }
        List<Protocol.Post> deferred;
        synchronized (arriving) {
            network.homes.put(name, channel);
            deferred = arriving.remove(name);
        }
        for (Protocol.Post post : state.waiting()) {
            repostHere(channel, post);
        }
        for (Protocol.Post post : deferred) {
            repostHere(channel, post);
        }
    }

    /** An operation that waited at the old home, posted again here. */
    private void repostHere(Channel<?> channel, Protocol.Post post) {
        if (post.replyHost() != null && network.isSelf(post.replyHost(), post.replyPort())) {
            Network.Posted own = network.posted.remove(post.request()); // one of ours: it is a local operation now
            if (own != null) {
                channel.acceptOwn(own.request(), post.index(), post.write(), post.value());
            }
            return;
        }
        Peer replyTo = post.replyHost() == null ? null : network.peer(new InetSocketAddress(post.replyHost(), post.replyPort()));
        if (replyTo != null) {
            network.acceptAt(channel, replyTo, post);
        }
    }

    /** At the old home: hands a channel to the JVM that asked for it. */
    void grant(Connection from, Protocol.Move move) {
        Channel<?> channel = network.homes.get(move.channel());
        if (channel == null) {
            throw new cspjob.runtime.net.MessageHandler.ProtocolViolation("a move of channel '" + move.channel() + "', which is not hosted here");
        }
        Peer newHomePeer = network.peerOf(from);
        RemoteHome newHome = new RemoteHome(network, new ChannelAddress(newHomePeer.address.getHostString(),
                newHomePeer.address.getPort(), move.newName()), channel.name());
        Object reply;
        synchronized (channel) {
            RemoteHome current = channel.remoteHome();
            if (current != null) {
                reply = new Protocol.Moved(move.channel(), current.address.host(), current.address.port(), current.address.name());
            } else {
                reply = channel.moveTo(newHome, move.channel(), (offer, write) -> repostOf(offer, write, newHomePeer, newHome));
            }
        }
        from.send(reply);
    }

    /** How an operation waiting at this (old) home is posted again at the new one. */
    private Protocol.Post repostOf(Offer offer, boolean write, Peer newHomePeer, RemoteHome newHome) {
        Request request = offer.request;
        String name = newHome.address.name();
        return switch (request) {
            case RemoteRequest r -> new Protocol.Post(name, r.tag, r.id(), offer.index, write, Protocol.Mode.PLAIN, offer.value,
                    r.peer().address.getHostString(), r.peer().address.getPort());
            case AltRequest a -> new Protocol.Post(name, a.tag, a.id(), offer.index, write, Protocol.Mode.ALT, offer.value,
                    a.peer().address.getHostString(), a.peer().address.getPort());
            default -> {
                // A process of this JVM: from now on it waits at the new home like any remote operation.
                network.posted.put(request.id(), new Network.Posted(request, newHomePeer, newHome));
                yield new Protocol.Post(name, request.tag, request.id(), offer.index, write,
                        request.alternation ? Protocol.Mode.ALT : Protocol.Mode.PLAIN, offer.value, network.self.host(), network.self.port());
            }
        };
    }

    boolean answer(String channel, Object reply) {
        CompletableFuture<Object> answer = moves.get(channel);
        return answer != null && answer.complete(reply);
    }

    /** A home we posted at has moved: point our stand-in for the channel at the new home. */
    void learn(Connection from, Protocol.Moved moved) {
        Object address = from.identity();
        if (!(address instanceof InetSocketAddress old)) {
            return;
        }
        Channel<?> channel = network.remoteChannels.get(new ChannelAddress(old.getAddress().getHostAddress(), old.getPort(), moved.channel()));
        if (channel == null) {
            channel = network.remoteChannels.get(new ChannelAddress(old.getHostString(), old.getPort(), moved.channel()));
        }
        if (channel != null && !network.isSelf(moved.host(), moved.port())) {
            channel.moved(new RemoteHome(network, new ChannelAddress(moved.host(), moved.port(), moved.name()), channel.name()));
        }
    }

}
