package cspjob.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;

/**
 * How many processes fit in one JVM: builds a ring of {@code count} processes, sends the token round
 * twice, and reports the heap it takes per process. Not JMH: one ring per JVM, run with
 * {@code -Xmx20g} by {@link BenchmarkSuite}, which looks for the largest ring that completes its laps.
 *
 * <pre>
 *   java -Xmx20g -XX:+ExitOnOutOfMemoryError -cp benchmarks.jar cspjob.benchmarks.LargestRing cspjob 10000000 [cold]
 * </pre>
 *
 * {@code cspjob} builds a {@link CspjobRing} (cspjob processes and channels); {@code bare}, the peer,
 * builds a {@link BareRing} of the same size (bare virtual threads parked in
 * {@code LockSupport.park}, each holding one small element object). The heap is measured with
 * {@link MemoryMXBean} after a full GC, before the ring is built and after its second lap (every
 * process has then run and is blocked again, so its stack is in the heap; the first lap waits until
 * every process has started and blocked, see {@link TokenRing#awaitStarted}); the difference over
 * {@code count} is the bytes per process. Prints one line of {@code key=value} pairs, which
 * BenchmarkSuite reads.
 *
 * <p>The JIT is warmed up first with a small ring of the same kind, unless {@code cold} is given. A
 * process whose code is still interpreted when it first blocks keeps larger (interpreted) frames in
 * its frozen stack, so a cold ring takes more heap, by an amount that depends on how far the JIT kept
 * up with the build; warm, the figure is steady from the first lap on.
 * Cold, the second lap still adds to it, which is why there are two.
 */
public final class LargestRing {
    /** The first lap of millions of processes also starts them and takes minutes (GC included); a stall takes for ever. */
    static final long LAP_TIMEOUT_SECONDS = 600;
    /** The warm-up ring: 200,000 processes (so that the code a process runs once, at its start, gets compiled too) for 10 laps. */
    static final int WARM_UP_SIZE = 200_000;
    static final int WARM_UP_LAPS = 10;

    private LargestRing() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3 || !(args[0].equals("cspjob") || args[0].equals("bare"))
                || (args.length == 3 && !args[2].equals("cold"))) {
            System.err.println("usage: LargestRing cspjob|bare COUNT [cold]   (run with -Xmx20g -XX:+ExitOnOutOfMemoryError)");
            System.exit(2);
        }
        String kind = args[0];
        int count = Integer.parseInt(args[1].replace("_", ""));
        boolean warm = args.length == 2;
        if (warm) {
            try (TokenRing small = ring(kind, WARM_UP_SIZE)) {
                small.awaitStarted(LAP_TIMEOUT_SECONDS);
                small.laps(WARM_UP_LAPS, LAP_TIMEOUT_SECONDS);
            }
            Thread.sleep(1000); // the JIT's queue drains
        }
        long heapBefore = heapUsedAfterGc();

        long start = System.nanoTime();
        TokenRing ring = ring(kind, count);
        ring.awaitStarted(LAP_TIMEOUT_SECONDS);
        ring.laps(1, LAP_TIMEOUT_SECONDS);
        long firstLap = System.nanoTime();
        ring.laps(1, LAP_TIMEOUT_SECONDS); // cold, the second lap still adds to the heap; warm, it does not
        long secondLap = System.nanoTime();

        Thread.sleep(500); // the last few processes of the lap get back to their read
        long heapAfter = heapUsedAfterGc();
        Reference.reachabilityFence(ring);
        System.out.printf("ring=%s jit=%s processes=%d heapBytes=%d bytesPerProcess=%.1f startAndFirstLapSeconds=%.1f secondLapNanosPerHop=%.0f maxHeapBytes=%d%n",
                kind, warm ? "warm" : "cold", count, heapAfter - heapBefore, (double) (heapAfter - heapBefore) / count,
                (firstLap - start) / 1e9, (double) (secondLap - firstLap) / count,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
        System.out.flush();
        // Tearing down ten million processes takes longer than building them, and measures nothing.
        Runtime.getRuntime().halt(0);
    }

    private static TokenRing ring(String kind, int size) {
        return kind.equals("cspjob") ? new CspjobRing(size) : new BareRing(size);
    }

    /** Heap in use after full collections (System.gc() is a full, compacting GC with G1 unless told otherwise). */
    static long heapUsedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
