package cspjob.benchmarks;

import cspjob.jobs.commstime.CommsTime;
import cspjob.runtime.ProcessKind;
import java.util.concurrent.TimeUnit;
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
 *   <li>{@code jcsp}: the peer, {@link JcspCommsTime};</li>
 *   <li>{@code handoff}: the physical limit of the JDK, {@link HandoffCommsTime}: a
 *       {@code SynchronousQueue} between four virtual threads wired the same way.</li>
 * </ul>
 *
 * Every invocation builds the network on a thread of its own (so that a stall fails the benchmark,
 * see {@link Reply#within}), runs {@code 1 + values} values round it and shuts it down (poison;
 * interrupts for the hand-off): start-up and the hand-over are included but are tens of
 * microseconds against the tens of milliseconds of an invocation. Targets: cspjob at least 20x
 * faster than JCSP and within 1.5x of the hand-off.
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
    public double cspjob() throws Exception {
        return Reply.within("cspjob commstime", () -> CommsTime.nanosPerCommunication(VALUES, ProcessKind.VIRTUAL));
    }

    @Benchmark
    @OperationsPerInvocation(4 * JCSP_VALUES)
    public double cspjobThread() throws Exception {
        return Reply.within("cspjob commstime (threads)", () -> CommsTime.nanosPerCommunication(JCSP_VALUES, ProcessKind.THREAD));
    }

    @Benchmark
    @OperationsPerInvocation(4 * JCSP_VALUES)
    public long jcsp() throws Exception {
        return Reply.within("JCSP commstime", () -> JcspCommsTime.run(JCSP_VALUES));
    }

    @Benchmark
    @OperationsPerInvocation(4 * VALUES)
    public long handoff() throws Exception {
        return Reply.within("hand-off commstime", () -> HandoffCommsTime.run(VALUES));
    }
}
