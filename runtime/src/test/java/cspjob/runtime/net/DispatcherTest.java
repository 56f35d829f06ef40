package cspjob.runtime.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.serializers.Serializer;
import cspjob.serializers.SerializerContext;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher over real loopback sockets: it serves peers with the secret and turns every other away. */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class DispatcherTest {
    private final JobSecret secret = JobSecret.generate();
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger("cspjob.dispatcher");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Dispatcher server;

    @BeforeEach
    void startServer() {
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        Serializer small = Serializer.create(Heartbeat.register(new SerializerContext()).maxMessageSize(64 * 1024));
        server = Dispatcher.start(new DispatcherContext().bind("127.0.0.1").secret(secret).serializer(small).handshakeTimeout(Duration.ofMillis(500)),
                (from, message) -> {
                    received.add(message);
                    from.send(message); // echo
                });
    }

    @AfterEach
    void stopServer() {
        server.close();
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }

    /** A type the client knows and the server was never told about. */
    record Smuggled(String payload) {
    }

    private static DispatcherContext context(JobSecret secret) {
        return new DispatcherContext().bind("127.0.0.1").secret(secret)
                .serializer(Serializer.create(Heartbeat.register(new SerializerContext()).register(Smuggled.class)));
    }

    /** A client with the right secret: connects, sends a frame, gets the echo. */
    private void assertServesAGoodClient() throws Exception {
        BlockingQueue<Object> echoes = new LinkedBlockingQueue<>();
        try (Dispatcher client = Dispatcher.start(context(secret), (from, message) -> echoes.add(message))) {
            Connection c = client.connect(server.address());
            c.send("hello");
            c.send(new double[] {1.5, 2.5});
            assertEquals("hello", echoes.poll(10, TimeUnit.SECONDS));
            assertArrayEquals(new double[] {1.5, 2.5}, (double[]) echoes.poll(10, TimeUnit.SECONDS));
        }
        received.clear();
    }

    @Test
    void peersWithTheSecretExchangeFrames() throws Exception {
        assertServesAGoodClient();
    }

    @Test
    void aPeerWithAnotherSecretIsRefusedAndNothingReachesTheHandler() throws Exception {
        try (Dispatcher stranger = Dispatcher.start(context(JobSecret.generate()), (from, message) -> { })) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> stranger.connect(server.address()));
            assertTrue(e.getMessage().contains("does not know this job's secret"), e.getMessage());
        }
        waitForWarning("refused");
        assertTrue(received.isEmpty());
        assertServesAGoodClient();
    }

    @Test
    void garbageIsRefusedAndTheDispatcherGoesOn() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        try (Socket raw = new Socket(server.address().getAddress(), server.address().getPort())) {
            raw.getOutputStream().write(garbage);
            raw.setSoTimeout(10_000);
            assertEquals(-1, drain(raw.getInputStream()), "the dispatcher closes the connection");
        }
        waitForWarning("does not speak the cspjob protocol");
        assertTrue(received.isEmpty());
        assertServesAGoodClient();
    }

    @Test
    void anOversizedMessageClosesOnlyThatConnection() throws Exception {
        try (Dispatcher big = Dispatcher.start(context(secret), (from, message) -> { })) {
            Connection c = big.connect(server.address());
            try {
                c.send(new byte[1 << 20]); // over the server's 64 KB limit
            } catch (UncheckedIOException closedWhileSending) {
                // the server may close the connection before the last byte is out
            }
            waitForWarning("closing the connection from");
        }
        assertTrue(received.isEmpty());
        assertServesAGoodClient();
    }

    @Test
    void aSilentPeerIsDroppedAfterTheHandshakeTimeoutWithoutBlockingOthers() throws Exception {
        try (Socket silent = new Socket(server.address().getAddress(), server.address().getPort())) {
            assertServesAGoodClient(); // served while the silent one holds its connection
            silent.setSoTimeout(10_000);
            assertEquals(-1, drain(silent.getInputStream()));
        }
        waitForWarning("did not complete the handshake");
    }

    @Test
    void aTypeTheServerNeverAllowedIsNotBuilt() throws Exception {
        try (Dispatcher client = Dispatcher.start(context(secret), (from, message) -> { })) {
            Connection c = client.connect(server.address());
            c.send(new Smuggled("rm -rf /"));
            waitForWarning("Smuggled");
        }
        assertTrue(received.isEmpty(), "the handler never saw the message");
        assertServesAGoodClient();
    }

    @Test
    void connectionsReadByVirtualThreadsAreServedToo() throws Exception {
        BlockingQueue<Object> echoes = new LinkedBlockingQueue<>();
        try (Dispatcher client = Dispatcher.start(context(secret).readers("virtual"), (from, message) -> echoes.add(message))) {
            client.connect(server.address()).send("over a virtual reader");
            assertEquals("over a virtual reader", echoes.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void anUnknownKindOfReaderThreadIsRefusedWithThePropertyToSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context(secret).readers("fibres").conclude());
        assertTrue(e.getMessage().contains("'fibres'") && e.getMessage().contains(DispatcherContext.READERS), e.getMessage());
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertEquals("JobSecret[hidden]", secret.toString());
        assertTrue(!context(secret).toString().contains(secret.toHex()));
        assertEquals(secret.toHex(), JobSecret.fromHex(secret.toHex()).toHex());
        assertThrows(IllegalArgumentException.class, () -> JobSecret.fromHex("abc"));
    }

    /** Reads until the server closes: -1 for an orderly close, or for a reset (garbage left unread). */
    private static int drain(InputStream in) throws Exception {
        try {
            int b;
            while ((b = in.read()) >= 0) {
                // the server's half of a handshake may arrive before it closes
            }
            return b;
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    /** A dispatcher that heartbeats every 100 ms and gives up on a peer silent for 600 ms. */
    private Dispatcher quickHeartbeat(BlockingQueue<String> closures) {
        Serializer serializer = Serializer.create(Heartbeat.register(new SerializerContext()));
        return Dispatcher.start(new DispatcherContext().bind("127.0.0.1").secret(secret).serializer(serializer)
                .heartbeat(Duration.ofMillis(100), Duration.ofMillis(600)), new MessageHandler() {
                    @Override
                    public void onMessage(Connection from, Object message) {
                        from.send(message);
                    }

                    @Override
                    public void onClosed(Connection connection, Exception cause) {
                        closures.add(cause == null ? "clean" : cause.getMessage());
                    }
                });
    }

    /** What a crashed host or a cut link looks like: a peer that authenticated, then says nothing and never closes. */
    @Test
    void aPeerThatFallsSilentWithoutClosingIsDroppedWithinTheSilenceLimit() throws Exception {
        BlockingQueue<String> closures = new LinkedBlockingQueue<>();
        try (Dispatcher watcher = quickHeartbeat(closures);
             Socket mute = new Socket(watcher.address().getAddress(), watcher.address().getPort())) {
            Handshake.asClient(new java.io.DataInputStream(mute.getInputStream()), new java.io.DataOutputStream(mute.getOutputStream()),
                    secret, "the test's dispatcher");
            // One message (a heartbeat), as a live peer sends; then nothing more.
            Serializer.create(Heartbeat.register(new SerializerContext())).writer(java.nio.channels.Channels.newChannel(mute.getOutputStream()))
                    .write(new Heartbeat(1));
            String why = closures.poll(20, TimeUnit.SECONDS);
            assertTrue(why != null && why.contains("nothing came from") && why.contains("600 ms"), String.valueOf(why));
            assertEquals(0, watcher.connectionCount());
        }
    }

    /** Heartbeats keep a quiet connection between two live dispatchers open far beyond the silence limit. */
    @Test
    void aQuietConnectionBetweenLiveDispatchersStaysOpen() throws Exception {
        BlockingQueue<String> closures = new LinkedBlockingQueue<>();
        try (Dispatcher a = quickHeartbeat(closures); Dispatcher b = quickHeartbeat(closures)) {
            Connection connection = a.connect(b.address());
            Thread.sleep(2_000); // more than three silence limits with no message
            assertEquals(List.of(), List.copyOf(closures), "no connection was closed");
            assertTrue(!connection.isClosed());
            connection.send("still here");
            assertEquals(1, b.connectionCount());
        }
    }

    private void waitForWarning(String part) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (warnings.stream().anyMatch(w -> w.contains(part))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line containing '" + part + "'; got " + warnings);
    }
}
