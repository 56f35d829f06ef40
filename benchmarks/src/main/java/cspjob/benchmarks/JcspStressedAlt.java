package cspjob.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.jcsp.lang.Alternative;
import org.jcsp.lang.AltingChannelInput;
import org.jcsp.lang.Any2OneChannel;
import org.jcsp.lang.CSProcess;
import org.jcsp.lang.One2OneChannelInt;
import org.jcsp.lang.Parallel;
import org.jcsp.lang.PoisonException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The peer of {@link StressedAltBenchmark}: JCSP's StressedAlt on JCSP 1.1-rc5. 8 writer processes on
 * each of 8 {@code Any2OneChannel}s and one reader with one {@code Alternative} over their 8 inputs,
 * which in a loop does {@code inputs[alt.fairSelect()].read()}; all under {@code Parallel} (platform
 * threads). The channels are JCSP's poisonable ones so that the network can stop: the reader, poisoned
 * through its orders channel, poisons the 8 channels and every writer ends.
 */
@State(Scope.Benchmark)
public class JcspStressedAlt {
    static final int SELECTS = 10_000;

    final One2OneChannelInt orders = org.jcsp.lang.Channel.one2oneInt(0);
    final Reply done = new Reply();
    Parallel parallel;
    Thread network;

    @Setup(Level.Trial)
    public void build() {
        List<CSProcess> processes = new ArrayList<>();
        @SuppressWarnings("unchecked")
        AltingChannelInput<Integer>[] inputs = new AltingChannelInput[StressedAltBenchmark.CHANNELS];
        for (int c = 0; c < StressedAltBenchmark.CHANNELS; c++) {
            Any2OneChannel<Integer> channel = org.jcsp.lang.Channel.any2one(0);
            inputs[c] = channel.in();
            for (int w = 0; w < StressedAltBenchmark.WRITERS; w++) {
                Integer id = c * StressedAltBenchmark.WRITERS + w;
                processes.add(() -> {
                    try {
                        while (true) {
                            channel.out().write(id);
                        }
                    } catch (PoisonException e) {
                        // the reader has gone: this writer ends
                    }
                });
            }
        }
        processes.add(() -> {
            Alternative alt = new Alternative(inputs);
            try {
                while (true) {
                    int selects = orders.in().read();
                    for (int i = 0; i < selects; i++) {
                        inputs[alt.fairSelect()].read();
                    }
                    done.send(selects);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (PoisonException e) {
                for (AltingChannelInput<Integer> in : inputs) {
                    in.poison(1);
                }
            }
        });
        parallel = new Parallel(processes.toArray(new CSProcess[0]));
        network = Thread.ofPlatform().name("stressed alt (JCSP)").daemon(true).start(parallel::run);
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
        orders.out().poison(1);
        Reply.join(network);
        parallel.releaseAllThreads();
    }
}
