package cspjob.runtime;

import cspjob.runtime.net.Connection;
import cspjob.runtime.net.Dispatcher;
import cspjob.runtime.net.DispatcherContext;
import cspjob.runtime.net.JobSecret;
import cspjob.runtime.net.MessageHandler;
import cspjob.serializers.SerializationException;
import cspjob.serializers.Serializer;
import cspjob.serializers.SerializerContext;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's place in the job's network: its one {@link Dispatcher}, the channels it is home of, the
 * peers it talks to, and the operations it has posted at other homes. Started on first use (a channel
 * end leaves the JVM, {@link Channel#address()}, {@link Channel#connect}, a jvm process).
 *
 * <p>Threads: each connection's reader thread handles that connection's messages. A posted
 * operation's outcome completes the waiting request from that thread; a post at one of our homes is
 * matched under the channel's monitor by that thread and never waits there.
 */
final class Network implements MessageHandler {
    private static final System.Logger LOG = System.getLogger("cspjob.network");
    private static final Object START = new Object();
    private static final List<Class<?>> USER_TYPES = new CopyOnWriteArrayList<>();
    private static volatile Network instance;

    private final JobSecret secret;
    private final Serializer serializer;
    private final Dispatcher dispatcher;
    private final ChannelAddress self;
    private final ConcurrentHashMap<String, Channel<?>> homes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, Peer> peers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ChannelAddress, Channel<?>> remoteChannels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Posted> posted = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** An operation of this JVM waiting at another home. */
    private record Posted(Request request, Peer peer, RemoteHome home) {
    }

    @SuppressWarnings("unchecked")
    private Network(DispatcherContext context) {
        Class<ChannelEnd<?>> ends = (Class<ChannelEnd<?>>) (Class<?>) ChannelEnd.class;
        SerializerContext types = Protocol.register(new SerializerContext()).codec(ends, "cspjob.ChannelEnd", new EndCodec(this));
        for (Class<?> type : USER_TYPES) {
            types.register(type);
        }
        this.serializer = Serializer.create(types);
        this.secret = JobSecret.fromEnvironment();
        this.dispatcher = Dispatcher.start(context.serializer(serializer).secret(secret), this);
        InetSocketAddress address = dispatcher.address();
        this.self = new ChannelAddress(address.getAddress().getHostAddress(), address.getPort(), "");
    }

    /** This JVM's network, started with the default settings (system properties, {@link JobSecret#fromEnvironment()}) if need be. */
    static Network get() {
        Network network = instance;
        if (network == null) {
            synchronized (START) {
                network = instance;
                if (network == null) {
                    network = new Network(new DispatcherContext());
                    instance = network;
                }
            }
        }
        return network;
    }

    /** Makes value types known to the serializer of every JVM this one starts, and of this one. */
    static void registerTypes(Class<?>... types) {
        synchronized (START) {
            if (instance != null) {
                throw new IllegalStateException("register value types before the first channel end leaves this JVM"
                        + " (at the start of main): this JVM's network has already started");
            }
            USER_TYPES.addAll(List.of(types));
        }
    }

    static List<Class<?>> userTypes() {
        return List.copyOf(USER_TYPES);
    }

    Serializer serializer() {
        return serializer;
    }

    /** The job's secret, for a JVM this one starts (through its environment). */
    String secretHex() {
        return secret.toHex();
    }

    /** This JVM's dispatcher address. */
    InetSocketAddress address() {
        return dispatcher.address();
    }

    boolean isSelf(String host, int port) {
        return port == self.port() && (host.equals(self.host()) || host.equals(dispatcher.address().getHostString()));
    }

    // ---- homes ---------------------------------------------------------------------------------------

    /** Makes a local channel reachable from other JVMs and returns its address. */
    ChannelAddress host(Channel<?> channel) {
        String name = channel.wireName();
        if (name == null) {
            synchronized (homes) {
                name = channel.wireName();
                if (name == null) {
                    name = channel.name();
                    for (int n = 2; homes.containsKey(name); n++) {
                        name = channel.name() + "~" + n; // two channels of one name in one JVM
                    }
                    homes.put(name, channel);
                    channel.wireName(name);
                }
            }
        }
        return new ChannelAddress(self.host(), self.port(), name);
    }

    /** The channel at {@code address}: ours, or a stand-in that reaches it. */
    Channel<?> channelAt(ChannelAddress address) {
        if (isSelf(address.host(), address.port())) {
            Channel<?> home = homes.get(address.name());
            if (home == null) {
                throw new ChannelUnreachableException(address.name(), address.host() + ":" + address.port(),
                        "this JVM is its home address but hosts no channel of that name", null);
            }
            return home;
        }
        return remoteChannels.computeIfAbsent(address, a -> Channel.remote(new RemoteHome(this, a)));
    }

    // ---- peers -----------------------------------------------------------------------------------------

    Peer peer(RemoteHome home) {
        try {
            return peer(home.address.home());
        } catch (RuntimeException e) {
            throw home.unreachable(e.getMessage(), e);
        }
    }

    /** The peer at {@code address}, connecting (and saying who we are) if need be. */
    Peer peer(InetSocketAddress address) {
        Peer peer = peers.get(address);
        if (peer != null && !peer.connection.isClosed()) {
            return peer;
        }
        synchronized (peers) {
            peer = peers.get(address);
            if (peer == null || peer.connection.isClosed()) {
                Connection connection = dispatcher.connect(address);
                connection.identify(address);
                peer = new Peer(address, connection);
                connection.send(new Protocol.Hello(self.host(), self.port()));
                peers.put(address, peer);
            }
            return peer;
        }
    }

    // ---- operations posted at other homes ------------------------------------------------------------

    /** Posts a read or write at the channel's home and waits for its outcome. */
    Object post(RemoteHome home, Channel<?> proxy, boolean write, Object value) {
        Peer peer = peer(home);
        Request request = new Request(Thread.currentThread());
        long id = ids.incrementAndGet();
        posted.put(id, new Posted(request, peer, home));
        try {
            peer.connection.send(new Protocol.Post(home.address.name(), id, write, value));
        } catch (SerializationException e) {
            posted.remove(id);
            throw new IllegalArgumentException("channel '" + proxy.name() + "': cannot send this value to its home "
                    + peer.describe() + ": " + e.getMessage()
                    + " (values that cross JVMs must be of registered types: Csp.registerTypes(...))", e);
        } catch (RuntimeException e) {
            posted.remove(id);
            throw home.unreachable(e.getMessage(), e);
        }
        request.awaitUninterruptibly();
        if (request.failure != null) {
            throw request.failure;
        }
        return request.value;
    }

    // ---- messages --------------------------------------------------------------------------------------

    @Override
    public void onMessage(Connection from, Object message) {
        switch (message) {
            case Protocol.Hello hello -> {
                InetSocketAddress address = new InetSocketAddress(hello.host(), hello.port());
                from.identify(address);
                peers.putIfAbsent(address, new Peer(address, from));
            }
            case Protocol.Post post -> {
                Peer peer = peerOf(from);
                Channel<?> channel = homes.get(post.channel());
                RemoteRequest request = new RemoteRequest(peer, post.request());
                if (channel == null) {
                    peer.sendQuietly(new Protocol.Done(post.request(), null, Protocol.Failure.UNKNOWN,
                            "no channel '" + post.channel() + "' is hosted at " + self.host() + ":" + self.port()));
                } else {
                    channel.acceptRemote(request, post.write(), post.value());
                }
            }
            case Protocol.Done done -> complete(done);
            case Protocol.Ready ready -> JvmProcesses.ready(from, ready);
            case Protocol.Result result -> JvmProcesses.result(result);
            case Protocol.Run run -> JvmProcessMain.run(run);
            case Protocol.Exit exit -> JvmProcessMain.exit();
            case Protocol.Poison poison -> hosted(poison.channel()).poison();
            case Protocol.Join join -> hosted(join.channel()).join(join.reader());
            case Protocol.Retire retire -> {
                Channel<?> channel = hosted(retire.channel());
                if (retire.reader()) {
                    channel.retireReader();
                } else {
                    channel.retireWriter();
                }
            }
            default -> throw new ProtocolViolation("unexpected message " + message.getClass().getSimpleName());
        }
    }

    private Channel<?> hosted(String name) {
        Channel<?> channel = homes.get(name);
        if (channel == null) {
            throw new ProtocolViolation("no channel '" + name + "' is hosted here");
        }
        return channel;
    }

    private Peer peerOf(Connection connection) {
        Object address = connection.identity();
        Peer peer = address == null ? null : peers.get(address);
        if (peer == null) {
            throw new ProtocolViolation("a post came before the peer said who it is");
        }
        return peer;
    }

    private void complete(Protocol.Done done) {
        Posted waiting = posted.remove(done.request());
        if (waiting == null) {
            throw new ProtocolViolation("an outcome for request " + done.request() + ", which is not waiting");
        }
        Request request = waiting.request();
        if (!request.lock()) {
            return;
        }
        if (done.failure() == null) {
            request.complete(0, done.value());
            return;
        }
        String name = waiting.home().address.name();
        RuntimeException why = switch (done.failure()) {
            case POISONED -> new ChannelPoisonedException(name);
            case RETIRED -> new ChannelRetiredException(name, done.message());
            case UNKNOWN -> waiting.home().unreachable(done.message(), null);
            case UNDELIVERABLE -> new IllegalArgumentException("channel '" + name + "': a value written to it could not be"
                    + " sent here from its home: " + done.message());
        };
        request.fail(0, why);
    }

    @Override
    public void onClosed(Connection connection, Exception cause) {
        Object address = connection.identity();
        if (JvmProcessMain.isParent(address)) {
            JvmProcessMain.parentLost();
        }
        if (address != null) {
            peers.computeIfPresent((InetSocketAddress) address, (a, peer) -> peer.connection == connection ? null : peer);
        }
        String why = "the connection to its home closed" + (cause == null ? "" : " (" + cause.getMessage() + ")")
                + "; that JVM has probably ended";
        posted.forEach((id, waiting) -> {
            if (waiting.peer().connection == connection && posted.remove(id, waiting) && waiting.request().lock()) {
                waiting.request().fail(0, waiting.home().unreachable(why, cause));
            }
        });
        homes.values().forEach(channel -> channel.dropRemote(connection));
        if (cause != null) {
            LOG.log(Level.DEBUG, "cspjob: connection to " + connection.peer() + " closed: " + cause.getMessage());
        }
    }
}
