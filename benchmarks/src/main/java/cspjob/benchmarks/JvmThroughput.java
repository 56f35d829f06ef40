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
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-way throughput of byte[] messages from this JVM (the writer) to a jvm process (the reader)
 * over one unbuffered cspjob channel homed at the reader, against a raw NIO socket pump of the same
 * bytes between the same two JVMs ({@link RawPump}). For each size the two take turns round by round;
 * a round sends {@value #SAMPLE_BYTES} bytes (or one message, if larger) and ends when the reader
 * says it has them all, each message in an array of its own.
 *
 * <pre>
 * java $(jvm_flags) -Xmx3g -cp benchmarks/target/benchmarks.jar cspjob.benchmarks.JvmThroughput \
 *     [--rounds 11] [--rows FILE] [--writers 1] [1k 64k 1m 16m 100m 1g]
 * </pre>
 *
 * {@code --writers N}: N writer processes share the channel (each waits for its own reads to be
 * matched; together they keep N messages in flight), which tells the latency of a synchronous write
 * from the bandwidth of the path.
 *
 * Sizes of 100 MiB and more run at most {@value #LARGE_ROUNDS} rounds (memory and time on a shared machine).
 */
public final class JvmThroughput {
    static final long SAMPLE_BYTES = 64L << 20;
    static final int LARGE_ROUNDS = 5;
    static final double TARGET_OF_RAW = 0.8;
    static final double MAX_DROP_FROM_1M = 0.2;

    private JvmThroughput() {
    }

    /**
     * The reader's side: takes the home of its input, then for every batch (an Integer count, then that
     * many arrays) says on {@code acks} how many bytes it got; a raw socket thread does the same for the pump.
     */
    public record Sink(ChannelReader<Object> in, ChannelWriter<Long> acks, String rawHost, int rawPort) implements CspProcess {
        @Override
        public void run() throws Exception {
            SocketChannel raw = SocketChannel.open(new InetSocketAddress(rawHost, rawPort));
            Thread.ofPlatform().daemon().name("raw sink").start(() -> RawPump.sink(raw));
            in.becomeHome();
            while (true) {
                int count = (Integer) in.read();
                long bytes = 0;
                for (int i = 0; i < count; i++) {
                    bytes += ((byte[]) in.read()).length;
                }
                acks.write(bytes);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        NetBenchArgs options = NetBenchArgs.parse(args, "JvmThroughput");
        List<Long> sizes = new ArrayList<>();
        int writers = 1;
        for (int i = 0; i < options.extra().size(); i++) {
            if (options.extra().get(i).equals("--writers")) {
                writers = Integer.parseInt(options.extra().get(++i)); // writer processes sharing the channel (a power of 2)
            } else {
                sizes.add(parseSize(options.extra().get(i)));
            }
        }
        if (sizes.isEmpty()) {
            for (String size : List.of("1k", "64k", "1m", "16m", "100m", "1g")) {
                sizes.add(parseSize(size));
            }
        }
        int writerCount = writers;
        Csp.registerTypes(Sink.class);
        Channel<Object> data = new Channel<>("data");
        Channel<Long> acks = new Channel<>("acks");
        String host = acks.address().host(); // the address cspjob's dispatcher uses, so both go the same way
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(host, 0))) {
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            ChannelWriter<Object> out = data.writer();
            ChannelReader<Long> acksIn = acks.reader();
            List<Object> results = Csp.parallel(
                    new Sink(data.reader(), acks.writer(), host, port).as(ProcessKind.JVM),
                    CspFunction.of(() -> {
                        try (SocketChannel raw = server.accept()) {
                            List<PairedRounds> bySize = new ArrayList<>();
                            for (long size : sizes) {
                                bySize.add(measure(size, size >= (100L << 20) ? Math.min(LARGE_ROUNDS, options.rounds()) : options.rounds(),
                                        out, acksIn, new RawPump(raw), writerCount));
                            }
                            return bySize;
                        } finally {
                            out.poison(); // ends the sink
                        }
                    }));
            @SuppressWarnings("unchecked")
            List<PairedRounds> bySize = (List<PairedRounds>) results.get(1);
            options.writeRows(rows(sizes, bySize, writerCount));
        }
    }

    /** Warm-up, then rounds in which cspjob and the raw pump take turns (who goes first alternates); MB/s. */
    private static PairedRounds measure(long size, int rounds, ChannelWriter<Object> out, ChannelReader<Long> acks, RawPump raw,
                                        int writers) throws IOException {
        byte[] payload = new byte[(int) size];
        for (int i = 0; i < payload.length; i += 4096) {
            payload[i] = (byte) i; // touched, so neither side gets pages the kernel has not yet mapped
        }
        int count = (int) Math.max(1, SAMPLE_BYTES / size);
        long expected = count * size;
        int warmups = size >= (100L << 20) ? 1 : 3;
        PairedRounds r = new PairedRounds(rounds, true);
        for (int round = -warmups; round < rounds; round++) {
            double ours = 0;
            double peer = 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean cspjobNow = Math.floorMod(turn + round, 2) == 0;
                long start = System.nanoTime();
                long got;
                if (cspjobNow) {
                    out.write(count);
                    if (writers == 1 || count % writers != 0) {
                        for (int i = 0; i < count; i++) {
                            out.write(payload);
                        }
                    } else {
                        List<CspProcess> shares = new ArrayList<>();
                        for (int w = 0; w < writers; w++) {
                            shares.add(() -> {
                                for (int i = 0; i < count / writers; i++) {
                                    out.write(payload);
                                }
                            });
                        }
                        Csp.parallel(shares);
                    }
                    got = acks.read();
                } else {
                    got = raw.send(payload, count);
                }
                double megabytesPerSecond = expected / ((System.nanoTime() - start) / 1e9) / 1e6;
                if (got != expected) {
                    throw new IllegalStateException((cspjobNow ? "cspjob" : "raw") + ": the reader got " + got + " bytes, not " + expected);
                }
                if (cspjobNow) {
                    ours = megabytesPerSecond;
                } else {
                    peer = megabytesPerSecond;
                }
            }
            if (round >= 0) {
                r.record(round, ours, peer);
            }
        }
        System.out.printf("%9s x %,7d: cspjob %,8.0f MB/s (best %,.0f), raw %,8.0f MB/s (best %,.0f), cspjob/raw %.2f (rounds %.2f..%.2f)%n",
                label(size), count, r.oursMedian(), r.oursBest(), r.peerMedian(), r.peerBest(), r.ratio(), r.ratioRange()[0],
                r.ratioRange()[1]);
        return r;
    }

    /** The table rows: each size against raw, and the sizes from 1 MiB up against cspjob's own 1 MiB figure. */
    private static List<String> rows(List<Long> sizes, List<PairedRounds> bySize, int writers) {
        List<String> rows = new ArrayList<>();
        int oneMeg = sizes.indexOf(1L << 20);
        for (int i = 0; i < sizes.size(); i++) {
            long size = sizes.get(i);
            PairedRounds r = bySize.get(i);
            boolean hasTarget = size >= (64L << 10);
            String verdict = !hasTarget ? "n/a" : r.ratio() >= TARGET_OF_RAW ? "yes" : String.format("no (%.0f%% of raw)", 100 * r.ratio());
            String flat = "";
            if (oneMeg >= 0 && size > (1L << 20)) {
                double drop = 1 - r.oursMedian() / bySize.get(oneMeg).oursMedian();
                flat = String.format("; %.0f%% %s the 1 MiB figure (target: at most 20%% below): %s", Math.abs(100 * drop),
                        drop > 0 ? "below" : "above", drop <= MAX_DROP_FROM_1M ? "yes" : "no");
            }
            rows.add(String.format("| throughput: %s byte[] messages, writer JVM to reader JVM%s vs raw NIO socket pump (MB/s) | %,.0f (best %,.0f)"
                            + " | %,.0f (best %,.0f) | %.2f of raw (rounds %.2f..%.2f) | %s | %s%s |", label(size),
                    writers == 1 ? "" : " (" + writers + " writer processes)", r.oursMedian(), r.oursBest(),
                    r.peerMedian(), r.peerBest(), r.ratio(), r.ratioRange()[0], r.ratioRange()[1],
                    hasTarget ? ">= 0.80 of raw" : "none", verdict, flat));
        }
        return rows;
    }

    static long parseSize(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        try {
            long size = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
            if (size < 1 || size > (1L << 30)) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JvmThroughput: '" + text + "' is not a message size from 1 to 1g (such as 64k, 1m, 1g)");
        }
    }

    static String label(long size) {
        return size >= (1L << 30) ? (size >> 30) + " GiB" : size >= (1L << 20) ? (size >> 20) + " MiB"
                : size >= (1L << 10) ? (size >> 10) + " KiB" : size + " B";
    }
}
