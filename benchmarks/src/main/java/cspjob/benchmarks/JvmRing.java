package cspjob.benchmarks;

import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspFunction;
import cspjob.runtime.CspProcess;
import cspjob.runtime.ProcessKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A token ring of 8 JVMs (seed 000 Listing 3/4, Fig. 2): element 0 here ({@link RingStation}), one
 * jvm process in each of 7 JVMs, with 1 to 8 tokens going round at once; hops per second. Three
 * rings run through the same 8 JVMs and take turns round by round: cspjob channels all homed here
 * (where they were made), cspjob channels whose readers took their homes ({@code becomeHome}), and
 * the peer, the same tokens forwarded over raw sockets (4 bytes each, one read and one write per
 * hop, a platform thread per element).
 *
 * <pre>
 * java $(jvm_flags) -cp benchmarks/target/benchmarks.jar cspjob.benchmarks.JvmRing [--rounds 5] [--rows FILE] [--millis 1000] [--tokens 8]
 * </pre>
 */
public final class JvmRing {
    static final int SIZE = 8;
    static final int MAX_TOKENS = 8;
    static final int WARMUP_ROUNDS = 2;
    static final double TARGET_ONE_TOKEN = 30_000;

    private JvmRing() {
    }

    /**
     * Element {@code index} of all three rings, in a JVM of its own: opens its raw socket, says its port
     * on {@code rawPorts}, learns its successor's on {@code rawNext}, then forwards tokens (plus one) on
     * every ring until poisoned.
     */
    public record Member(int index, ChannelReader<Integer> homedIn, ChannelWriter<Integer> homedOut,
                         ChannelReader<Integer> movedIn, ChannelWriter<Integer> movedOut,
                         ChannelWriter<Integer> rawPorts, ChannelReader<Integer> rawNext, String rawHost) implements CspProcess {
        @Override
        public void run() throws Exception {
            ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(rawHost, 0));
            rawPorts.write(index * 100_000 + ((InetSocketAddress) server.getLocalAddress()).getPort());
            SocketChannel next = SocketChannel.open(new InetSocketAddress(rawHost, rawNext.read()));
            SocketChannel previous = server.accept();
            server.close();
            Thread.ofPlatform().daemon().name("raw ring element " + index).start(() -> forward(previous, next));
            movedIn.becomeHome(); // seed 000 Listing 4
            ChannelReader<Integer> in1 = homedIn;
            ChannelWriter<Integer> out1 = homedOut;
            ChannelReader<Integer> in2 = movedIn;
            ChannelWriter<Integer> out2 = movedOut;
            Csp.parallel(() -> {
                while (true) {
                    out1.write(in1.read() + 1);
                }
            }, () -> {
                while (true) {
                    out2.write(in2.read() + 1);
                }
            });
        }

        private static void forward(SocketChannel previous, SocketChannel next) {
            ByteBuffer token = ByteBuffer.allocateDirect(4);
            try (previous; next) {
                while (true) {
                    RingStation.readToken(previous, token);
                    token.putInt(0, token.getInt(0) + 1);
                    RingStation.writeToken(next, token);
                }
            } catch (IOException ended) {
                // the benchmark closed the ring
            }
        }
    }

    public static void main(String[] args) throws Exception {
        NetBenchArgs options = NetBenchArgs.parse(args, "JvmRing");
        long millis = 1000;
        int maxTokens = MAX_TOKENS;
        for (int i = 0; i + 1 < options.extra().size(); i += 2) {
            switch (options.extra().get(i)) {
                case "--millis" -> millis = Long.parseLong(options.extra().get(i + 1));
                case "--tokens" -> maxTokens = Integer.parseInt(options.extra().get(i + 1)); // 1..this many (for profiling)
                default -> throw new IllegalArgumentException("JvmRing: unknown option " + options.extra().get(i)
                        + "; options: --rounds N --rows FILE --millis M --tokens T");
            }
        }
        int tokensUpTo = Math.min(maxTokens, MAX_TOKENS);
        long roundMillis = millis;
        Csp.registerTypes(Member.class);
        List<Channel<Integer>> homed = channels("homed");
        List<Channel<Integer>> moved = channels("moved");
        Channel<Integer> rawPorts = new Channel<>("raw-ports");
        List<Channel<Integer>> rawNext = channels("raw-next");
        String host = rawPorts.address().host(); // the address cspjob's dispatchers use, so all rings go the same way
        List<CspProcess> processes = new ArrayList<>();
        for (int i = 1; i < SIZE; i++) {
            processes.add(new Member(i, homed.get(i).reader(), homed.get((i + 1) % SIZE).writer(), moved.get(i).reader(),
                    moved.get((i + 1) % SIZE).writer(), rawPorts.writer(), rawNext.get(i).reader(), host).as(ProcessKind.JVM));
        }
        ChannelReader<Integer> ports = rawPorts.reader();
        List<ChannelWriter<Integer>> nexts = rawNext.stream().map(Channel::writer).toList();
        ChannelReader<Integer> homedIn = homed.get(0).reader();
        ChannelWriter<Integer> homedOut = homed.get(1).writer();
        ChannelReader<Integer> movedIn = moved.get(0).reader();
        ChannelWriter<Integer> movedOut = moved.get(1).writer();
        processes.add(CspFunction.of(() -> {
            try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(host, 0))) {
                int[] port = new int[SIZE];
                port[0] = ((InetSocketAddress) server.getLocalAddress()).getPort();
                for (int i = 1; i < SIZE; i++) {
                    int said = ports.read();
                    port[said / 100_000] = said % 100_000;
                }
                for (int i = 1; i < SIZE; i++) {
                    nexts.get(i).write(port[(i + 1) % SIZE]);
                }
                try (SocketChannel next = SocketChannel.open(new InetSocketAddress(host, port[1])); SocketChannel previous = server.accept()) {
                    List<RingStation> rings = List.of(new RingStation.OverChannels("homed", homedIn, homedOut, MAX_TOKENS),
                            new RingStation.OverChannels("moved", movedIn, movedOut, MAX_TOKENS), new RingStation.OverSockets(previous, next));
                    return measure(rings, options.rounds(), roundMillis, tokensUpTo);
                } finally {
                    homedOut.poison(); // ends every element of both rings of channels
                    movedOut.poison();
                }
            }
        }));
        List<Object> results = Csp.parallel(processes);
        @SuppressWarnings("unchecked")
        List<PairedRounds[]> byTokens = (List<PairedRounds[]>) results.get(results.size() - 1);
        options.writeRows(rows(byTokens));
    }

    /** For each token count: warm-up, then rounds in which the three rings take turns (who goes first rotates). */
    private static List<PairedRounds[]> measure(List<RingStation> rings, int rounds, long millis, int maxTokens) throws InterruptedException {
        List<PairedRounds[]> byTokens = new ArrayList<>();
        SchedStats[] cost = {SchedStats.NONE, SchedStats.NONE, SchedStats.NONE}; // per ring, all 8 JVMs: where the time went
        double[] hopsCounted = new double[rings.size()];
        for (RingStation ring : rings) {
            ring.round(4, SIZE, 3000); // JIT warm-up of all 8 JVMs before the first figure (the first is one token's)
        }
        SchedStats idleBefore = SchedStats.ofJob();
        Thread.sleep(2000);
        SchedStats idle = SchedStats.ofJob().minus(idleBefore);
        System.out.printf("idle, no token in any ring, all 8 JVMs: %.1f ms on a CPU per second, %d timeslices per second%n",
                idle.runNanos() / 2e6, idle.slices() / 2);
        System.out.printf("%6s %22s %22s %22s%n", "tokens", "homed here hops/s", "becomeHome hops/s", "raw sockets hops/s");
        for (int tokens = 1; tokens <= maxTokens; tokens++) {
            PairedRounds homed = new PairedRounds(rounds, true);
            PairedRounds moved = new PairedRounds(rounds, true);
            for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
                double[] hops = new double[rings.size()];
                for (int k = 0; k < rings.size(); k++) {
                    int r = Math.floorMod(k + round, rings.size());
                    SchedStats before = SchedStats.ofJob();
                    hops[r] = rings.get(r).round(tokens, SIZE, millis);
                    if (round >= 0 && tokens == 1) {
                        cost[r] = cost[r].plus(SchedStats.ofJob().minus(before));
                        hopsCounted[r] += hops[r] * millis / 1000.0; // about: the cost includes the settling and draining
                    }
                }
                if (round >= 0) {
                    homed.record(round, hops[0], hops[2]);
                    moved.record(round, hops[1], hops[2]);
                }
            }
            System.out.printf("%6d %,22.0f %,22.0f %,22.0f%n", tokens, homed.oursMedian(), moved.oursMedian(), homed.peerMedian());
            byTokens.add(new PairedRounds[] {homed, moved});
            if (tokens == 1) {
                System.out.println("per hop with 1 token, all 8 JVMs, all threads: homed here " + cost[0].per((long) hopsCounted[0])
                        + "; becomeHome " + cost[1].per((long) hopsCounted[1]) + "; raw " + cost[2].per((long) hopsCounted[2]));
            }
        }
        return byTokens;
    }

    private static List<String> rows(List<PairedRounds[]> byTokens) {
        List<String> rows = new ArrayList<>();
        for (int t = 0; t < byTokens.size(); t++) {
            for (int variant = 0; variant < 2; variant++) {
                PairedRounds r = byTokens.get(t)[variant];
                boolean hasTarget = t == 0;
                rows.add(String.format("| jvmring: 8 JVMs, %d token%s, %s, vs raw socket ring (hops/s) | %,.0f (best %,.0f) | %,.0f (best %,.0f)"
                                + " | %.2f of raw (rounds %.2f..%.2f) | %s | %s |", t + 1, t == 0 ? "" : "s",
                        variant == 0 ? "homes where made" : "becomeHome", r.oursMedian(), r.oursBest(), r.peerMedian(), r.peerBest(),
                        r.ratio(), r.ratioRange()[0], r.ratioRange()[1], hasTarget ? ">= 30,000 hops/s" : "none",
                        !hasTarget ? "n/a" : r.oursMedian() >= TARGET_ONE_TOKEN ? "yes"
                                : String.format("no (%.0f%% of it)", 100 * r.oursMedian() / TARGET_ONE_TOKEN)));
            }
        }
        return rows;
    }

    private static List<Channel<Integer>> channels(String prefix) {
        List<Channel<Integer>> ring = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            ring.add(new Channel<>(prefix + "-" + i));
        }
        return ring;
    }
}
