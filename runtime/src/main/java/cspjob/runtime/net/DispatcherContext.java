package cspjob.runtime.net;

import cspjob.serializers.Serializer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The settings of a {@link Dispatcher}, with every default in one place. Each default can be set
 * with a system property of the same name; {@link #conclude()} checks them once.
 *
 * <pre>{@code
 * DispatcherContext context = new DispatcherContext().port(4321).secret(JobSecret.fromEnvironment()).serializer(serializer);
 * }</pre>
 */
public final class DispatcherContext {
    /** System property: the port to listen on (0: any free port). */
    public static final String PORT = "cspjob.dispatcher.port";
    /** System property: the address to listen on. */
    public static final String BIND = "cspjob.dispatcher.bind";
    /**
     * System property (or environment variable CSPJOB_ADVERTISE): the host name or address other
     * JVMs reach this one at, when this machine's own name does not lead here from every node
     * (default: the bound address, or this machine's name when bound to every address).
     */
    public static final String ADVERTISE = "cspjob.dispatcher.advertise";
    /** System property: how long a new peer has to complete the handshake, in milliseconds. */
    public static final String HANDSHAKE_TIMEOUT = "cspjob.dispatcher.handshakeTimeoutMillis";
    /**
     * System property: which threads read the connections, {@code platform} (the default: one daemon
     * platform thread each) or {@code virtual} (one virtual thread each). A platform reader blocks in
     * the kernel, which wakes it when bytes arrive; a virtual one is woken by the JDK's pollers (a
     * master poller thread, then a sub-poller virtual thread, then the reader on a carrier), two
     * thread hand-offs more per message. Measured with JvmPingPong on 2 busy cores: 96 us one way and
     * 90 us of CPU per message against 130 us and 128 us (BENCHMARKS.md, channels across JVMs). A JVM
     * has one reader per peer JVM, so platform threads cost little; {@code virtual} suits a JVM that
     * talks to thousands of others.
     */
    public static final String READERS = "cspjob.dispatcher.readers";

    /** System property: how often a connection that carries nothing else carries a heartbeat, in milliseconds. */
    public static final String HEARTBEAT = "cspjob.dispatcher.heartbeatMillis";
    /** System property: how long a connection may bring nothing at all before it counts as dead, in milliseconds. */
    public static final String SILENCE_LIMIT = "cspjob.dispatcher.silenceLimitMillis";

    private int port = Integer.getInteger(PORT, 0);
    private Duration heartbeatInterval = Duration.ofMillis(Long.getLong(HEARTBEAT, 1_000));
    private Duration silenceLimit = Duration.ofMillis(Long.getLong(SILENCE_LIMIT, 10_000));
    private String bind = System.getProperty(BIND, "0.0.0.0");
    private String advertise = System.getProperty(ADVERTISE, System.getenv("CSPJOB_ADVERTISE"));
    private Duration handshakeTimeout = Duration.ofMillis(Long.getLong(HANDSHAKE_TIMEOUT, 30_000));
    private String readers = System.getProperty(READERS, "platform");
    private JobSecret secret;
    private Serializer serializer;
    private boolean concluded;

    public DispatcherContext port(int port) {
        this.port = port;
        return this;
    }

    public DispatcherContext bind(String address) {
        this.bind = address;
        return this;
    }

    /**
     * The serializer of every message; its context bounds message sizes and says which types may be
     * built, and must include the dispatcher's own {@link Heartbeat} ({@link Heartbeat#register}).
     */
    public DispatcherContext serializer(Serializer serializer) {
        this.serializer = serializer;
        return this;
    }

    public DispatcherContext handshakeTimeout(Duration timeout) {
        this.handshakeTimeout = timeout;
        return this;
    }

    /**
     * Heartbeats every {@code interval} on quiet connections; a connection silent for {@code limit}
     * is closed. The limit must be several intervals, so that one late heartbeat is not a death.
     */
    public DispatcherContext heartbeat(Duration interval, Duration limit) {
        this.heartbeatInterval = interval;
        this.silenceLimit = limit;
        return this;
    }

    /** {@code virtual} or {@code platform}: see {@link #READERS}. */
    public DispatcherContext readers(String kind) {
        this.readers = kind;
        return this;
    }

    public DispatcherContext secret(JobSecret secret) {
        this.secret = secret;
        return this;
    }

    /** Checks the settings once and fills in the secret from the environment when none was given. */
    public DispatcherContext conclude() {
        if (concluded) {
            return this;
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("dispatcher port " + port + " is out of range; use 0 (any free port) to 65535 (" + PORT + ")");
        }
        if (serializer == null) {
            throw new IllegalArgumentException("a dispatcher needs a serializer for its messages");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("dispatcher handshake timeout must be positive (" + HANDSHAKE_TIMEOUT + ")");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero() || silenceLimit.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("heartbeat every " + heartbeatInterval.toMillis() + " ms with a silence limit of "
                    + silenceLimit.toMillis() + " ms: the interval must be positive and the limit at least 3 intervals ("
                    + HEARTBEAT + ", " + SILENCE_LIMIT + ")");
        }
        if (!readers.equals("virtual") && !readers.equals("platform")) {
            throw new IllegalArgumentException("dispatcher readers '" + readers + "' is neither 'virtual' nor 'platform' (" + READERS + ")");
        }
        if (secret == null) {
            secret = JobSecret.fromEnvironment();
        }
        concluded = true;
        return this;
    }

    int port() {
        return port;
    }

    public DispatcherContext advertise(String hostOrAddress) {
        this.advertise = hostOrAddress;
        return this;
    }

    /** The address given with {@link #ADVERTISE}, or null. */
    InetAddress advertisedAddress() {
        if (advertise == null || advertise.isBlank()) {
            return null;
        }
        try {
            return InetAddress.getByName(advertise);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("dispatcher advertised address '" + advertise + "' is unknown (" + ADVERTISE
                    + " or CSPJOB_ADVERTISE); give an address or a name this machine resolves", e);
        }
    }

    InetAddress bindAddress() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("dispatcher bind address '" + bind + "' is unknown (" + BIND + ")", e);
        }
    }

    Serializer serializer() {
        return serializer;
    }

    int handshakeTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, handshakeTimeout.toMillis());
    }

    Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    Duration silenceLimit() {
        return silenceLimit;
    }

    /** A builder of the thread that reads one connection. */
    Thread.Builder readerThread() {
        return readers.equals("platform") ? Thread.ofPlatform().daemon() : Thread.ofVirtual();
    }

    JobSecret secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "DispatcherContext[bind=" + bind + ", port=" + port + ", handshakeTimeout=" + handshakeTimeout
                + ", readers=" + readers + ", secret=hidden]";
    }
}
