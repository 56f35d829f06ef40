package cspjob.benchmarks;

import cspjob.jobs.commstime.CommsTime;
import cspjob.runtime.ProcessKind;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.jcsp.lang.CSProcess;
import org.jcsp.lang.Channel;
import org.jcsp.lang.One2OneChannelInt;
import org.jcsp.lang.Parallel;
import org.jcsp.lang.PoisonException;
import org.jcsp.lang.Poisonable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JCSP's CommsTime (prefix, delta, successor, consumer in a loop; four channel communications per
 * value) built three ways, reported in nanoseconds per communication:
 *
 * <ul>
 *   <li>{@code cspjob}: the network of {@code cspjob run commstime} ({@link CommsTime}), virtual threads;</li>
 *   <li>{@code cspjobThread}: the same with {@link ProcessKind#THREAD} (what JCSP runs on), for reference;</li>
 *   <li>{@code jcsp}: the peer, JCSP 1.1-rc5 with its classic {@code One2OneChannelInt}s (poisonable, so
 *       the network can stop) under {@code Parallel} (platform threads);</li>
 *   <li>{@code handoff}: the physical limit of the JDK, a {@link SynchronousQueue} between four virtual
 *       threads wired the same way.</li>
 * </ul>
 *
 * Every invocation builds the network, runs {@code 1 + values} values round it and shuts it down
 * (poison; interrupts for the hand-off), so start-up is included but is a few microseconds against
 * the tens of milliseconds of an invocation. Targets: cspjob at least 20x faster than JCSP and
 * within 1.5x of the hand-off.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CommsTimeBenchmark {
    /** Values per invocation on the fast networks; JCSP (platform threads) gets fewer. */
    static final int VALUES = 100_000;
    static final int JCSP_VALUES = 5_000;

    @Benchmark
    @OperationsPerInvocation(4 * VALUES)
    public double cspjob() {
        return CommsTime.nanosPerCommunication(VALUES, ProcessKind.VIRTUAL);
    }

    @Benchmark
    @OperationsPerInvocation(4 * JCSP_VALUES)
    public double cspjobThread() {
        return CommsTime.nanosPerCommunication(JCSP_VALUES, ProcessKind.THREAD);
    }

    @Benchmark
    @OperationsPerInvocation(4 * JCSP_VALUES)
    public void jcsp() {
        One2OneChannelInt a = Channel.one2oneInt(0);
        One2OneChannelInt b = Channel.one2oneInt(0);
        One2OneChannelInt c = Channel.one2oneInt(0);
        One2OneChannelInt d = Channel.one2oneInt(0);
        Parallel network = new Parallel(new CSProcess[] {
            poisonsItsEnds(() -> {
                a.out().write(0);
                while (true) {
                    a.out().write(c.in().read());
                }
            }, c.in(), a.out()),
            poisonsItsEnds(() -> {
                while (true) {
                    int value = a.in().read();
                    d.out().write(value);
                    b.out().write(value);
                }
            }, a.in(), b.out(), d.out()),
            poisonsItsEnds(() -> {
                while (true) {
                    c.out().write(b.in().read() + 1);
                }
            }, b.in(), c.out()),
            () -> {
                for (int i = 0; i <= JCSP_VALUES; i++) {
                    d.in().read();
                }
                d.in().poison(1);
            },
        });
        network.run();
        network.releaseAllThreads(); // JCSP parks its threads for reuse; end them
    }

    @Benchmark
    @OperationsPerInvocation(4 * VALUES)
    public void handoff() throws InterruptedException {
        SynchronousQueue<Integer> a = new SynchronousQueue<>();
        SynchronousQueue<Integer> b = new SynchronousQueue<>();
        SynchronousQueue<Integer> c = new SynchronousQueue<>();
        SynchronousQueue<Integer> d = new SynchronousQueue<>();
        Thread prefix = startVirtual(() -> {
            a.put(0);
            while (true) {
                a.put(c.take());
            }
        });
        Thread delta = startVirtual(() -> {
            while (true) {
                Integer value = a.take();
                d.put(value);
                b.put(value);
            }
        });
        Thread successor = startVirtual(() -> {
            while (true) {
                c.put(b.take() + 1);
            }
        });
        Thread consumer = startVirtual(() -> {
            for (int i = 0; i <= VALUES; i++) {
                d.take();
            }
            prefix.interrupt();
            delta.interrupt();
            successor.interrupt();
        });
        for (Thread t : new Thread[] {consumer, prefix, delta, successor}) {
            t.join();
        }
    }

    /** A JCSP process that, when poisoned, poisons the ends it was given (JCSP leaves that to the process). */
    private static CSProcess poisonsItsEnds(CSProcess body, Poisonable... ends) {
        return () -> {
            try {
                body.run();
            } catch (PoisonException e) {
                for (Poisonable end : ends) {
                    end.poison(1);
                }
            }
        };
    }

    /** A loop that ends by interrupt: the hand-off network's shutdown. */
    interface Interruptible {
        void run() throws InterruptedException;
    }

    private static Thread startVirtual(Interruptible body) {
        return Thread.ofVirtual().start(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                // the consumer is done: this element ends
            }
        });
    }
}
