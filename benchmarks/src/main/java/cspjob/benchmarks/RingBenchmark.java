package cspjob.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One token round a ring of {@code size} processes, from 2 to a million, in nanoseconds per hop
 * (one channel communication and one wake-up of a parked process):
 *
 * <ul>
 *   <li>{@code cspjob}: {@link CspjobRing}, cspjob processes on virtual threads and unbuffered channels;</li>
 *   <li>{@code bare}: the physical limit, {@link BareRing}, virtual threads that hand the token on with
 *       a volatile field and {@code LockSupport.park/unpark}.</li>
 * </ul>
 *
 * The ring is built once per fork (JMH forks once per benchmark and size, so the two rings never
 * share a JVM) and every invocation makes {@value #HOPS} hops: {@code HOPS / size} laps. Small rings
 * measure the hand-off itself; large ones add a cold stack and cache misses per hop. Target: cspjob
 * within 1.2x of the bare ring for the same size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
public class RingBenchmark {
    /** Hops per invocation; every ring size divides it. */
    static final int HOPS = 1_000_000;

    @State(Scope.Benchmark)
    public static class Cspjob {
        @Param({"2", "16", "1000", "100000", "1000000"})
        int size;
        CspjobRing ring;

        @Setup(Level.Trial)
        public void build() throws InterruptedException {
            ring = new CspjobRing(checked(size));
            ring.awaitStarted(600);
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException {
            ring.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Bare {
        @Param({"2", "16", "1000", "100000", "1000000"})
        int size;
        BareRing ring;

        @Setup(Level.Trial)
        public void build() throws InterruptedException {
            ring = new BareRing(checked(size));
            ring.awaitStarted(600);
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException {
            ring.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(HOPS)
    public void cspjob(Cspjob state) throws InterruptedException {
        state.ring.laps(HOPS / state.size);
    }

    @Benchmark
    @OperationsPerInvocation(HOPS)
    public void bare(Bare state) throws InterruptedException {
        state.ring.laps(HOPS / state.size);
    }

    private static int checked(int size) {
        if (HOPS % size != 0) {
            throw new IllegalArgumentException("ring size " + size + " does not divide " + HOPS + " hops per invocation");
        }
        return size;
    }
}
