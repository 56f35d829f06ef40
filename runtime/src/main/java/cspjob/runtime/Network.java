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
import java.util.concurrent.CompletableFuture;
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
    final ChannelAddress self;
    final ConcurrentHashMap<String, Channel<?>> homes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, Peer> peers = new ConcurrentHashMap<>();
    final ConcurrentHashMap<ChannelAddress, Channel<?>> remoteChannels = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Long, Posted> posted = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Connection, Inbox> inboxes = new ConcurrentHashMap<>();
    /** Lock questions this JVM (as a home) has asked and not yet had answered, by correlation. */
    private final ConcurrentHashMap<Long, LockQuestion> lockQuestions = new ConcurrentHashMap<>();
    private final AtomicLong correlations = new AtomicLong();
    /**
     * The stand-ins of other JVMs' alternations offered at our homes, one per alternation however many
     * of its guards are here: a request must be one object, or a home would try to match an
     * alternation with itself (a read and a write guard on one channel) and lock it twice.
     */
    private final ConcurrentHashMap<AlternationKey, AltRequest> alternatives = new ConcurrentHashMap<>();
    /** Moving channels' homes in and out of this JVM. */
    final MobileHomes mobileHomes = new MobileHomes(this);

    private record AlternationKey(long tag, long id) {
    }

    /** Names of channels whose home is on its way here, with the posts that came for them meanwhile. Guards itself. */
    private final java.util.Map<String, List<Protocol.Post>> arriving = new java.util.HashMap<>();

    /** Moves asked for by this JVM and not yet answered, by the channel's name at the old home. */
    private final ConcurrentHashMap<String, CompletableFuture<Object>> moves = new ConcurrentHashMap<>();

    /** A {@link Protocol.Lock} sent to a peer, waiting for its answer. */
    private record LockQuestion(Peer peer, CompletableFuture<Boolean> answer) {
    }

    /** An operation (or alternation) of this JVM waiting at another home. */
    static final class Posted {
        final Request request;
        final Peer peer;
        final RemoteHome home;
        /** The connection of the home that holds the request locked, if one does. */
        volatile Connection lockedBy;

        Posted(Request request, Peer peer, RemoteHome home) {
            this.request = request;
            this.peer = peer;
            this.home = home;
        }

        Request request() {
            return request;
        }

        Peer peer() {
            return peer;
        }

        RemoteHome home() {
            return home;
        }
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
            if (instance != null && !USER_TYPES.containsAll(List.of(types))) {
                throw new IllegalStateException("register value types before the first channel end leaves this JVM"
                        + " (at the start of main): this JVM's network has already started");
            }
            for (Class<?> type : types) {
                if (!USER_TYPES.contains(type)) {
                    USER_TYPES.add(type);
                }
            }
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

    /** The channel at {@code address}: ours, or a stand-in that reaches it, known here by its name at home. */
    Channel<?> channelAt(ChannelAddress address) {
        return channelAt(address, address.name());
    }

    /** The channel at {@code address}: ours, or a stand-in called {@code name} that reaches it. */
    Channel<?> channelAt(ChannelAddress address, String name) {
        if (isSelf(address.host(), address.port())) {
            Channel<?> home = homes.get(address.name());
            if (home == null) {
                throw new ChannelUnreachableException(address.name(), address.host() + ":" + address.port(),
                        "this JVM is its home address but hosts no channel of that name", null);
            }
            return home;
        }
        return remoteChannels.computeIfAbsent(address, a -> Channel.remote(new RemoteHome(this, a, name), name));
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
        Request request = new Request(Thread.currentThread());
        send(home, proxy, request, 0, write, Protocol.Mode.PLAIN, value);
        request.awaitUninterruptibly();
        if (request.failure != null) {
            throw request.failure;
        }
        return request.value;
    }

    /**
     * Asks the home whether guard {@code index} can fire now (the first phase of an alternation).
     *
     * @return the probe, done with the value read or a failure; null when the guard is not ready
     */
    Request tryAt(RemoteHome home, Channel<?> proxy, int index, boolean write, Object value) {
        Request probe = new Request(Thread.currentThread());
        send(home, proxy, probe, index, write, Protocol.Mode.TRY, value);
        probe.awaitUninterruptibly();
        return probe.firedIndex == NOT_READY ? null : probe;
    }

    /** Offers guard {@code index} of an alternation's request at the home; the home locks it from there. */
    void offerAt(RemoteHome home, Channel<?> proxy, Request alternation, int index, boolean write, Object value) {
        send(home, proxy, alternation, index, write, Protocol.Mode.ALT, value);
    }

    /** Tells the home an alternation is over; {@link #forget} once every home has been told. */
    void withdrawAt(RemoteHome home, Request alternation) {
        try {
            peer(home).sendQuietly(new Protocol.Withdraw(home.address.name(), alternation.tag, alternation.id()));
        } catch (ChannelUnreachableException gone) {
            // nothing to withdraw from a home that is gone
        }
    }

    void forget(Request alternation) {
        posted.remove(alternation.id());
    }

    private static final int NOT_READY = -2;

    private void send(RemoteHome home, Channel<?> proxy, Request request, int index, boolean write, Protocol.Mode mode,
                      Object value) {
        Peer peer = peer(home);
        long id = request.id();
        posted.putIfAbsent(id, new Posted(request, peer, home));
        try {
            peer.connection.send(new Protocol.Post(home.address.name(), request.tag, id, index, write, mode, value));
        } catch (SerializationException e) {
            posted.remove(id);
            throw new IllegalArgumentException("channel '" + proxy.name() + "': cannot send this value to its home "
                    + peer.describe() + ": " + e.getMessage()
                    + " (values that cross JVMs must be of registered types: Csp.registerTypes(...))", e);
        } catch (RuntimeException e) {
            posted.remove(id);
            throw home.unreachable(e.getMessage(), e);
        }
    }

    /** As a home: locks an alternation's request in the JVM it belongs to; false when it is done already. */
    boolean lockRemote(Peer peer, long request) {
        long correlation = correlations.incrementAndGet();
        LockQuestion question = new LockQuestion(peer, new CompletableFuture<>());
        lockQuestions.put(correlation, question);
        try {
            peer.connection.send(new Protocol.Lock(request, correlation));
            return question.answer().join();
        } catch (RuntimeException gone) {
            return false; // its JVM is gone: it will never fire, as good as done
        } finally {
            lockQuestions.remove(correlation);
        }
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
            case Protocol.Post p -> inbox(from).add(p);
            case Protocol.Move m -> inbox(from).add(m);
            case Protocol.MoveGranted granted -> mobileHomes.answer(granted.channel(), granted);
            case Protocol.Moved moved -> {
                if (!mobileHomes.answer(moved.channel(), moved)) {
                    mobileHomes.learn(from, moved);
                }
            }
            case Protocol.Withdraw w -> inbox(from).add(w);
            case Protocol.Poison p -> inbox(from).add(p);
            case Protocol.Join j -> inbox(from).add(j);
            case Protocol.Retire r -> inbox(from).add(r);
            case Protocol.Done done -> complete(done);
            case Protocol.Lock lock -> Thread.startVirtualThread(() -> answerLock(from, lock));
            case Protocol.Locked locked -> {
                LockQuestion question = lockQuestions.get(locked.correlation());
                if (question != null) {
                    question.answer().complete(locked.locked());
                }
            }
            case Protocol.Settle settle -> settle(settle);
            case Protocol.Unlock unlock -> {
                Posted waiting = posted.get(unlock.request());
                if (waiting != null) {
                    waiting.lockedBy = null;
                    waiting.request().unlock();
                }
            }
            case Protocol.Ready ready -> Workers.ready(from, ready);
            case Protocol.Result result -> Workers.result(result);
            case Protocol.Run run -> WorkerMain.run(from, run);
            case Protocol.Place place -> Workers.place(from, place);
            case Protocol.Exit exit -> WorkerMain.exit(exit);
            default -> throw new ProtocolViolation("unexpected message " + message.getClass().getSimpleName());
        }
    }

    private Inbox inbox(Connection from) {
        return inboxes.computeIfAbsent(from, c -> new Inbox(c.peer(), message -> atHome(c, message)));
    }

    /** A home-side message, on the connection's inbox thread (see {@link Inbox}). */
    private void atHome(Connection from, Object message) {
        try {
            switch (message) {
                case Protocol.Post post -> accept(from, post);
                case Protocol.Move move -> mobileHomes.grant(from, move);
                case Protocol.Withdraw w -> {
                    alternatives.remove(new AlternationKey(w.tag(), w.request()));
                    Channel<?> channel = homes.get(w.channel());
                    if (channel != null) {
                        channel.withdrawRemote(w.tag(), w.request());
                    }
                }
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
        } catch (ProtocolViolation e) {
            LOG.log(Level.WARNING, "cspjob: closing the connection from " + from.peer() + ": " + e.getMessage());
            from.close();
        }
    }

    private void accept(Connection from, Protocol.Post post) {
        Peer sender = peerOf(from);
        Peer replyTo = post.replyHost() == null ? sender : peer(new InetSocketAddress(post.replyHost(), post.replyPort()));
        Channel<?> channel = mobileHomes.hostedHere(post);
        if (channel == null && mobileHomes.deferred(post)) {
            return; // the home is on its way here: taken once it has arrived
        }
        if (channel == null) {
            replyTo.sendQuietly(new Protocol.Done(post.request(), null, Protocol.Failure.UNKNOWN,
                    "no channel '" + post.channel() + "' is hosted at " + self.host() + ":" + self.port()));
            return;
        }
        RemoteHome moved = channel.remoteHome();
        if (moved != null) {
            // A late comer: the home has moved on. Forward, and tell the sender where it went.
            peer(moved).sendQuietly(new Protocol.Post(moved.address.name(), post.tag(), post.request(), post.index(),
                    post.write(), post.mode(), post.value(), replyTo.address.getHostString(), replyTo.address.getPort()));
            if (!sender.address.equals(moved.address.home())) {
                sender.sendQuietly(new Protocol.Moved(post.channel(), moved.address.host(), moved.address.port(), moved.address.name()));
            }
            return;
        }
        acceptAt(channel, replyTo, post);
    }

    /** Takes a post for a channel homed here, on behalf of the JVM {@code replyTo}. */
    void acceptAt(Channel<?> channel, Peer replyTo, Protocol.Post post) {
        switch (post.mode()) {
            case PLAIN -> channel.acceptRemote(new RemoteRequest(replyTo, post.tag(), post.request()), post.write(), post.value());
            case TRY -> {
                if (!channel.acceptTry(new RemoteRequest(replyTo, post.tag(), post.request()), post.index(), post.write(), post.value())) {
                    replyTo.sendQuietly(new Protocol.Done(post.request(), null, Protocol.Failure.NOT_READY, null));
                }
            }
            case ALT -> {
                AltRequest request = alternatives.computeIfAbsent(new AlternationKey(post.tag(), post.request()),
                        key -> new AltRequest(this, replyTo, key.tag(), key.id()));
                channel.acceptAlternative(request, post.index(), post.write(), post.value());
            }
        }
    }

    /** A home asks to lock one of our alternations' requests: answer once it is locked, or done. */
    private void answerLock(Connection from, Protocol.Lock lock) {
        Posted waiting = posted.get(lock.request());
        boolean locked = waiting != null && waiting.request().lock();
        if (locked) {
            waiting.lockedBy = from;
        }
        try {
            from.send(new Protocol.Locked(lock.correlation(), locked));
        } catch (RuntimeException gone) {
            if (locked) {
                waiting.request().unlock(); // the home is gone: it can never settle or let go
            }
        }
    }

    /** A home that holds one of our alternations' requests locked has fired a guard of it. */
    private void settle(Protocol.Settle settle) {
        Posted waiting = posted.get(settle.request());
        if (waiting == null) {
            throw new ProtocolViolation("a settle for request " + settle.request() + ", which is not waiting");
        }
        waiting.lockedBy = null;
        if (settle.failure() == null) {
            waiting.request().complete(settle.index(), settle.value());
        } else {
            waiting.request().fail(settle.index(), Failures.rebuild(settle.failure(), settle.message(), waiting.home()));
        }
    }

    private Channel<?> hosted(String name) {
        Channel<?> channel = homes.get(name);
        if (channel == null) {
            throw new ProtocolViolation("no channel '" + name + "' is hosted here");
        }
        return channel;
    }

    Peer peerOf(Connection connection) {
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
        } else if (done.failure() == Protocol.Failure.NOT_READY) {
            request.complete(NOT_READY, null);
        } else {
            request.fail(0, Failures.rebuild(done.failure(), done.message(), waiting.home()));
        }
    }

    @Override
    public void onClosed(Connection connection, Exception cause) {
        Object address = connection.identity();
        if (WorkerMain.isParent(address)) {
            WorkerMain.parentLost();
        }
        if (address != null) {
            peers.computeIfPresent((InetSocketAddress) address, (a, peer) -> peer.connection == connection ? null : peer);
        }
        String why = "the connection to its home closed" + (cause == null ? "" : " (" + cause.getMessage() + ")")
                + "; that JVM has probably ended";
        Workers.closed(connection, "the connection to it closed" + (cause == null ? "" : " (" + cause.getMessage() + ")"));
        posted.forEach((id, waiting) -> {
            if (waiting.lockedBy == connection) {
                waiting.lockedBy = null;
                waiting.request().unlock(); // the home that held it is gone: it can never settle or let go
            }
            if (waiting.peer().connection == connection && posted.remove(id, waiting) && waiting.request().lock()) {
                waiting.request().fail(0, waiting.home().unreachable(why, cause));
            }
        });
        homes.values().forEach(channel -> channel.dropRemote(connection));
        alternatives.values().removeIf(request -> request.peer().connection == connection);
        Inbox inbox = inboxes.remove(connection);
        if (inbox != null) {
            inbox.close();
        }
        lockQuestions.values().forEach(question -> {
            if (question.peer().connection == connection) {
                question.answer().complete(false);
            }
        });
        if (cause != null) {
            LOG.log(Level.DEBUG, "cspjob: connection to " + connection.peer() + " closed: " + cause.getMessage());
        }
    }
}
