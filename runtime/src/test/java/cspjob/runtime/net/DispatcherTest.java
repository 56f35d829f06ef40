package cspjob.runtime.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
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
    private final BlockingQueue<Connection.Frame> received = new LinkedBlockingQueue<>();
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
        server = Dispatcher.start(context(secret).maxFrameBytes(64 * 1024).handshakeTimeout(Duration.ofMillis(500)),
                (from, frame) -> {
                    received.add(frame);
                    try {
                        from.send(frame.type(), frame.payload()); // echo
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @AfterEach
    void stopServer() {
        server.close();
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }

    private static DispatcherContext context(JobSecret secret) {
        return new DispatcherContext().bind("127.0.0.1").secret(secret);
    }

    /** A client with the right secret: connects, sends a frame, gets the echo. */
    private void assertServesAGoodClient() throws Exception {
        BlockingQueue<Connection.Frame> echoes = new LinkedBlockingQueue<>();
        try (Dispatcher client = Dispatcher.start(context(secret), (from, frame) -> echoes.add(frame))) {
            Connection c = client.connect(server.address());
            byte[] payload = "hello".getBytes();
            c.send(7, payload);
            Connection.Frame echo = echoes.poll(10, TimeUnit.SECONDS);
            assertEquals(7, echo.type());
            assertArrayEquals(payload, echo.payload());
        }
        received.clear();
    }

    @Test
    void peersWithTheSecretExchangeFrames() throws Exception {
        assertServesAGoodClient();
    }

    @Test
    void aPeerWithAnotherSecretIsRefusedAndNothingReachesTheHandler() throws Exception {
        try (Dispatcher stranger = Dispatcher.start(context(JobSecret.generate()), (from, frame) -> { })) {
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
    void anOversizedFrameClosesOnlyThatConnection() throws Exception {
        try (Dispatcher big = Dispatcher.start(context(secret).maxFrameBytes(1 << 20), (from, frame) -> { })) {
            Connection c = big.connect(server.address());
            try {
                c.send(1, new byte[100 * 1024]); // over the server's 64 KB limit
            } catch (java.io.IOException closedWhileSending) {
                // the server may close the connection before the last byte is out
            }
            waitForWarning("the limit is 65536");
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
    void aLyingLengthIsRefused() throws Exception {
        try (Dispatcher client = Dispatcher.start(context(secret), (from, frame) -> { })) {
            Connection c = client.connect(server.address());
            DataOutputStream out = c.output();
            out.writeInt(-5);
            out.writeByte(1);
            out.flush();
            waitForWarning("frame of -5 bytes");
        }
        assertTrue(received.isEmpty());
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertEquals("JobSecret[hidden]", secret.toString());
        assertTrue(!context(secret).toString().contains(secret.toHex()));
        assertEquals(secret.toHex(), JobSecret.fromHex(secret.toHex()).toHex());
        assertThrows(IllegalArgumentException.class, () -> JobSecret.fromHex("abc"));
    }

    private static int drain(InputStream in) throws Exception {
        int b;
        while ((b = in.read()) >= 0) {
            // the server's half of a handshake may arrive before it closes
        }
        return b;
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
