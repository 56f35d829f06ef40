package cspjob.benchmarks;

import cspjob.runtime.Alternation;
import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspProcess;
import cspjob.runtime.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JCSP's StressedAlt: {@value #WRITERS} writers on each of {@value #CHANNELS} channels (64 writer
 * processes that write for ever) and one reader that, in a loop, chooses a ready channel with a fair
 * select and reads from it. Reported in nanoseconds per select-and-read:
 *
 * <ul>
 *   <li>{@code cspjob}: cspjob processes (virtual threads), {@link Alternation#fairSelect} over the
 *       8 reader ends (a cspjob select returns the value read);</li>
 *   <li>{@code jcsp}: the peer, {@link JcspStressedAlt}: JCSP 1.1-rc5, one {@code Alternative} over
 *       8 {@code Any2OneChannel}s, {@code fairSelect()} then {@code read()}, on platform threads.</li>
 * </ul>
 *
 * The network is built once per fork; the reader takes orders ("do n selects") from the benchmark
 * thread on a channel of its library and answers through a {@link Reply} when done, so an
 * invocation is all selects. Target: cspjob at least 10x faster.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StressedAltBenchmark {
    static final int CHANNELS = 8;
    static final int WRITERS = 8;
    static final int SELECTS = 100_000;

    @State(Scope.Benchmark)
    public static class Cspjob {
        final Channel<Integer> orders = new Channel<>("orders");
        final ChannelWriter<Integer> orderWriter = orders.writer();
        final Reply done = new Reply();
        Thread network;

        @Setup(Level.Trial)
        public void build() {
            List<CspProcess> processes = new ArrayList<>();
            Guard[] inputs = new Guard[CHANNELS];
            for (int c = 0; c < CHANNELS; c++) {
                Channel<Integer> channel = new Channel<>("stressed-" + c);
                inputs[c] = channel.reader();
                for (int w = 0; w < WRITERS; w++) {
                    processes.add(new Writer(channel.writer(), c * WRITERS + w));
                }
            }
            processes.add(new Reader(orders.reader(), done, inputs));
            network = Thread.ofPlatform().name("stressed alt").daemon(true).start(() -> Csp.parallel(processes));
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException {
            orders.poison(); // the reader dies of it and poisons the 8 channels, and so every writer
            Reply.join(network);
        }
    }

    record Writer(ChannelWriter<Integer> out, Integer id) implements CspProcess {
        @Override
        public void run() {
            while (true) {
                out.write(id);
            }
        }
    }

    record Reader(ChannelReader<Integer> orders, Reply done, Guard[] inputs) implements CspProcess {
        @Override
        public void run() throws InterruptedException {
            Alternation alt = new Alternation();
            while (true) {
                int selects = orders.read();
                for (int i = 0; i < selects; i++) {
                    alt.fairSelect(inputs);
                }
                done.send(selects);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SELECTS)
    public void cspjob(Cspjob state) throws InterruptedException {
        state.orderWriter.write(SELECTS);
        state.done.await("the cspjob reader");
    }

    @Benchmark
    @OperationsPerInvocation(JcspStressedAlt.SELECTS)
    public void jcsp(JcspStressedAlt state) throws InterruptedException {
        state.orders.out().write(JcspStressedAlt.SELECTS);
        state.done.await("the JCSP reader");
    }
}
