package cspjob.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import javax.management.ObjectName;

/**
 * Where a ring's bytes go: builds a JIT-warm ring of {@code count} processes as {@link LargestRing}
 * does, sends the token round twice, and prints the heap per process and the top of the class
 * histogram (the same as {@code jcmd PID GC.class_histogram}). A tool for reducing the footprint, not
 * a benchmark with a target; a heap of a few GB is enough for a million processes.
 *
 * <pre>
 *   java -Xmx6g -cp benchmarks.jar cspjob.benchmarks.RingFootprint cspjob|bare 1000000 [ROWS]
 * </pre>
 */
public final class RingFootprint {
    private RingFootprint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("cspjob") || args[0].equals("bare"))) {
            System.err.println("usage: RingFootprint cspjob|bare COUNT [ROWS]   (run with -Xmx6g for a million)");
            System.exit(2);
        }
        String kind = args[0];
        int count = Integer.parseInt(args[1].replace("_", ""));
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (TokenRing small = ring(kind, LargestRing.WARM_UP_SIZE)) {
            small.awaitStarted(LargestRing.LAP_TIMEOUT_SECONDS);
            small.laps(LargestRing.WARM_UP_LAPS, LargestRing.LAP_TIMEOUT_SECONDS);
        }
        Thread.sleep(1000); // the JIT's queue drains
        long before = LargestRing.heapUsedAfterGc();
        TokenRing ring = ring(kind, count);
        ring.awaitStarted(LargestRing.LAP_TIMEOUT_SECONDS);
        ring.laps(2, LargestRing.LAP_TIMEOUT_SECONDS);
        Thread.sleep(500); // the last processes of the lap get back to their read
        long after = LargestRing.heapUsedAfterGc();
        System.out.printf("ring=%s processes=%d bytesPerProcess=%.1f%n", kind, count, (double) (after - before) / count);
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(rows + 2L).forEach(System.out::println);
        Reference.reachabilityFence(ring);
        Runtime.getRuntime().halt(0); // tearing down a million processes measures nothing
    }

    private static TokenRing ring(String kind, int size) {
        return kind.equals("cspjob") ? new CspjobRing(size) : new BareRing(size);
    }
}
