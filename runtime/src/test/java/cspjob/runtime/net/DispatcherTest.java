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
        Serializer small = Serializer.create(new SerializerContext().maxMessageSize(64 * 1024));
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
                .serializer(Serializer.create(new SerializerContext().register(Smuggled.class)));
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
