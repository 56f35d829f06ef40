package cspjob.benchmarks;

import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspFunction;
import cspjob.runtime.CspProcess;
import cspjob.runtime.ProcessKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * One-byte ping-pong between this JVM and a jvm process, over cspjob channels homed at their readers
 * (the echo's JVM takes the home of its input with {@code becomeHome}; the reply channel is made
 * here, where it is read), against a raw TCP_NODELAY socket ping-pong between the same two JVMs.
 * The two take turns round by round; the figure is the one-way time (half a round trip).
 *
 * <pre>
 * java $(jvm_flags) -cp benchmarks/target/benchmarks.jar cspjob.benchmarks.JvmPingPong [--rounds 11] [--rows FILE]
 * </pre>
 */
public final class JvmPingPong {
    static final int PINGS_PER_ROUND = 2_000;
    static final int WARMUP_ROUNDS = 5;
    static final double TARGET = 1.5;

    private JvmPingPong() {
    }

    /** The far side: echoes every byte it reads, on the cspjob channels and (on a platform thread) on a raw socket. */
    public record Echo(ChannelReader<byte[]> ping, ChannelWriter<byte[]> pong, String rawHost, int rawPort) implements CspProcess {
        @Override
        public void run() throws Exception {
            SocketChannel raw = SocketChannel.open(new InetSocketAddress(rawHost, rawPort));
            raw.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Thread.ofPlatform().daemon().name("raw echo").start(() -> echo(raw));
            ping.becomeHome(); // the home of a channel is its reader's JVM
            while (true) {
                pong.write(ping.read());
            }
        }

        private static void echo(SocketChannel raw) {
            ByteBuffer one = ByteBuffer.allocateDirect(1);
            try (raw) {
                while (true) {
                    one.clear();
                    if (raw.read(one) < 0) {
                        return;
                    }
                    one.flip();
                    raw.write(one);
                }
            } catch (IOException ended) {
                // the benchmark closed the socket
            }
        }
    }

    public static void main(String[] args) throws Exception {
        NetBenchArgs options = NetBenchArgs.parse(args, "JvmPingPong");
        Csp.registerTypes(Echo.class);
        Channel<byte[]> ping = new Channel<>("ping");
        Channel<byte[]> pong = new Channel<>("pong");
        String host = pong.address().host(); // the address cspjob's dispatcher uses, so both go the same way
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(host, 0))) {
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            ChannelWriter<byte[]> out = ping.writer();
            ChannelReader<byte[]> in = pong.reader();
            List<Object> results = Csp.parallel(
                    new Echo(ping.reader(), pong.writer(), host, port).as(ProcessKind.JVM),
                    CspFunction.of(() -> {
                        try (SocketChannel raw = server.accept()) {
                            raw.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            return measure(options.rounds(), out, in, raw);
                        } finally {
                            out.poison(); // ends the echo
                        }
                    }));
            PairedRounds r = (PairedRounds) results.get(1);
            System.out.printf("one-way time over %d rounds of %,d ping-pongs: cspjob %.1f us (best %.1f), raw socket %.1f us (best %.1f);"
                            + " cspjob/raw %.2f (rounds %.2f..%.2f)%n", options.rounds(), PINGS_PER_ROUND, r.oursMedian(), r.oursBest(),
                    r.peerMedian(), r.peerBest(), r.ratio(), r.ratioRange()[0], r.ratioRange()[1]);
            options.writeRows(List.of(String.format("| pingpong: 1 byte between two JVMs, one-way (channel homed at its reader) vs raw"
                            + " TCP_NODELAY socket | %.1f us (best %.1f) | %.1f us (best %.1f) | %.2fx the time (rounds %.2f..%.2f) | <= %.1fx | %s |",
                    r.oursMedian(), r.oursBest(), r.peerMedian(), r.peerBest(), r.ratio(), r.ratioRange()[0], r.ratioRange()[1], TARGET,
                    r.ratio() <= TARGET ? "yes" : String.format("no (%.0f%% over)", 100 * (r.ratio() / TARGET - 1)))));
        }
    }

    /** Warm-up, then rounds in which cspjob and the raw socket take turns (who goes first alternates). */
    private static PairedRounds measure(int rounds, ChannelWriter<byte[]> out, ChannelReader<byte[]> in, SocketChannel raw) {
        PairedRounds r = new PairedRounds(rounds, false);
        SchedStats[] cost = {SchedStats.NONE, SchedStats.NONE}; // cspjob, raw: where the time went, both JVMs
        byte[] payload = {42};
        ByteBuffer one = ByteBuffer.allocateDirect(1);
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            double ours = 0;
            double peer = 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean cspjobNow = Math.floorMod(turn + round, 2) == 0;
                SchedStats before = SchedStats.ofJob();
                long start = System.nanoTime();
                for (int i = 0; i < PINGS_PER_ROUND; i++) {
                    if (cspjobNow) {
                        out.write(payload);
                        check(in.read());
                    } else {
                        rawPingPong(raw, one);
                    }
                }
                double oneWayMicros = (System.nanoTime() - start) / 1e3 / PINGS_PER_ROUND / 2;
                if (round >= 0) {
                    cost[cspjobNow ? 0 : 1] = cost[cspjobNow ? 0 : 1].plus(SchedStats.ofJob().minus(before));
                }
                if (cspjobNow) {
                    ours = oneWayMicros;
                } else {
                    peer = oneWayMicros;
                }
            }
            if (round >= 0) {
                r.record(round, ours, peer);
            }
        }
        long messages = 2L * PINGS_PER_ROUND * rounds;
        System.out.println("per one-way message, both JVMs, all threads: cspjob " + cost[0].per(messages) + "; raw " + cost[1].per(messages));
        return r;
    }

    private static void check(byte[] echoed) {
        if (echoed.length != 1 || echoed[0] != 42) {
            throw new IllegalStateException("the echo sent back " + echoed.length + " bytes, not the one byte 42 it was sent");
        }
    }

    private static void rawPingPong(SocketChannel raw, ByteBuffer one) {
        try {
            one.clear().put((byte) 42).flip();
            raw.write(one);
            one.clear();
            while (one.position() == 0) {
                if (raw.read(one) < 0) {
                    throw new IllegalStateException("the raw echo closed its socket");
                }
            }
            if (one.get(0) != 42) {
                throw new IllegalStateException("the raw echo sent back " + one.get(0) + ", not 42");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("raw ping-pong: " + e.getMessage(), e);
        }
    }
}
