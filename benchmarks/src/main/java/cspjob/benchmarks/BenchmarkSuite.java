package cspjob.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks of BENCHMARKS.md and prints one table: ours, the peer measured in the same run,
 * the ratio, the target, and whether it was met. {@code bin/bench} builds the jar and runs this.
 *
 * <pre>
 *   BenchmarkSuite [commstime] [ring] [alt] [largest] [pingpong] [throughput] [jvmring] [net] [--out DIR] [--largest-attempts N]
 * </pre>
 *
 * With no names it runs the first four; the benchmarks across JVMs ({@link NetBenchmarks}; {@code net}
 * for all three) run only when named. JMH's own output and JSON results, the child JVMs' logs and the
 * table (table.md) go to {@code DIR} (default {@code runs/bench-TIMESTAMP}).
 */
public final class BenchmarkSuite {
    static final long LOCK_WAIT_MINUTES = 30;

    private final Path dir;
    private final List<String> rows = new ArrayList<>();

    private BenchmarkSuite(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = new LinkedHashSet<>();
        Path dir = Path.of("runs", "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        int largestAttempts = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "commstime", "ring", "alt", "largest" -> parts.add(args[i]);
                case "pingpong", "throughput", "jvmring" -> parts.add(args[i]); // across JVMs: only when named
                case "net" -> parts.addAll(NetBenchmarks.NAMES);
                case "--out" -> dir = Path.of(args[++i]);
                case "--largest-attempts" -> largestAttempts = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: BenchmarkSuite [commstime] [ring] [alt] [largest] [pingpong] [throughput] [jvmring] [net]"
                            + " [--out DIR] [--largest-attempts N]");
                    System.exit(2);
                }
            }
        }
        if (parts.isEmpty()) {
            parts.addAll(List.of("commstime", "ring", "alt", "largest"));
        }
        Files.createDirectories(dir);
        BenchmarkSuite suite = new BenchmarkSuite(dir);
        String machine = Machine.describe();
        System.out.println(machine);
        System.out.println("output: " + dir);
        if (parts.contains("commstime")) {
            suite.commsTime();
        }
        if (parts.contains("ring")) {
            suite.ring();
        }
        if (parts.contains("alt")) {
            suite.stressedAlt();
        }
        if (parts.contains("largest")) {
            suite.largestRing(largestAttempts);
        }
        for (String net : NetBenchmarks.NAMES) {
            if (parts.contains(net)) {
                suite.rows.addAll(NetBenchmarks.run(net, dir));
            }
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        String table = machine + String.format("; load average %.2f at the end", os.getSystemLoadAverage()) + "\n\n| benchmark | cspjob, median (best) | peer, median (best) | ratio of the medians | target | met |\n| --- | --- | --- | --- | --- | --- |\n"
                + String.join("\n", suite.rows) + "\n";
        Files.writeString(dir.resolve("table.md"), table);
        System.out.println();
        System.out.print(table);
    }

    private void commsTime() throws RunnerException, InterruptedException {
        Map<String, RunResult> r = jmh(CommsTimeBenchmark.class, "about 1 minute");
        RunResult ours = r.get("cspjob");
        rows.add(row("commstime vs JCSP (ns per communication)", ours, r.get("jcsp"), true, 20, ">= 20x faster"));
        rows.add(row("commstime vs SynchronousQueue hand-off", ours, r.get("handoff"), false, 1.5, "<= 1.5x the time"));
        rows.add(row("commstime, cspjob on platform threads vs JCSP (reference)", r.get("cspjobThread"), r.get("jcsp"), true, 0, "none"));
    }

    private void ring() throws RunnerException, InterruptedException {
        Map<String, RunResult> r = jmh(RingBenchmark.class, "about 2 minutes");
        for (String size : List.of("2", "16", "1000", "100000", "1000000")) {
            rows.add(row("ring of " + String.format("%,d", Long.parseLong(size)) + " vs bare virtual threads (ns per hop)",
                    r.get("cspjob:" + size), r.get("bare:" + size), false, 1.2, "<= 1.2x the time"));
        }
    }

    private void stressedAlt() throws RunnerException, InterruptedException {
        Map<String, RunResult> r = jmh(StressedAltBenchmark.class, "about 30 seconds, or a minute more if a network stalls");
        rows.add(row("StressedAlt vs JCSP (ns per fair select and read)", r.get("cspjob"), r.get("jcsp"), true, 10, ">= 10x faster"));
    }

    private void largestRing(int attempts) throws IOException, InterruptedException {
        System.out.println("largest ring (" + LargestRingSearch.HEAP + ", one JVM per ring; several minutes per ring of millions):");
        LargestRingSearch.Outcome o = new LargestRingSearch(dir).run(attempts);
        StringBuilder tried = new StringBuilder();
        for (LargestRingSearch.Attempt a : o.attempts()) {
            tried.append(String.format("%s%s %,d: %s", tried.isEmpty() ? "" : "; ", a.kind(), a.processes(),
                    a.completed() ? String.format("%.0f B/process", a.bytesPerProcess()) : a.line()));
        }
        if (o.largest() == null) {
            rows.add("| largest ring in " + LargestRingSearch.HEAP + " | FAILED (" + tried + ") | | | >= 10,000,000 processes | no |");
            return;
        }
        double ours = o.largest().bytesPerProcess();
        double bare = o.bare() != null && o.bare().completed() ? o.bare().bytesPerProcess() : Double.NaN;
        long n = o.largest().processes();
        rows.add(String.format("| largest ring that completes two laps in %s, JIT warm (tried: %s) | %,d processes, %.0f bytes per process"
                        + " | %.0f bytes per bare virtual thread (%,d of them) | %.2fx the memory | >= %,d processes | %s |",
                LargestRingSearch.HEAP, tried, n, ours, bare, n, ours / bare, LargestRingSearch.TARGET,
                n >= LargestRingSearch.TARGET ? "yes" : String.format("no (%.0f%% of it)", 100.0 * n / LargestRingSearch.TARGET)));
    }

    /** Runs one JMH benchmark class; results keyed by method name, or {@code method:size} for sized ones. */
    private Map<String, RunResult> jmh(Class<?> benchmark, String duration) throws RunnerException, InterruptedException {
        String name = benchmark.getSimpleName();
        System.out.println(name + " (JMH, " + duration + "; log: " + dir.resolve(name + ".log") + ") ...");
        var options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName() + "."))
                .output(dir.resolve(name + ".log").toString())
                .result(dir.resolve(name + ".json").toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
        Map<String, RunResult> results = new HashMap<>();
        for (RunResult r : runWhenJmhIsFree(new Runner(options))) {
            String method = r.getParams().getBenchmark().substring(benchmark.getName().length() + 1);
            String size = r.getParams().getParam("size");
            results.put(size == null ? method : method + ":" + size, r);
        }
        return results;
    }

    /**
     * Runs JMH; while another JMH run holds the machine-wide JMH lock (another benchmark on this shared
     * machine), waits for it rather than measure beside it, for at most {@value #LOCK_WAIT_MINUTES} minutes.
     */
    private static Collection<RunResult> runWhenJmhIsFree(Runner runner) throws RunnerException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(LOCK_WAIT_MINUTES);
        while (true) {
            try {
                return runner.run();
            } catch (RunnerException e) {
                if (!String.valueOf(e.getMessage()).contains("JMH lock") || System.nanoTime() > deadline) {
                    throw e;
                }
                System.out.println("  another JMH run holds /tmp/jmh.lock; waiting for it to finish ...");
                Thread.sleep(20_000);
            }
        }
    }

    /**
     * A table row: the median of the measurement iterations (and the best of them) of ours and of the
     * peer, their ratio, and whether it meets the target. The ratio is peer/ours ("x faster") when
     * {@code faster}, else ours/peer ("x the time"). The verdict goes by the medians; when the best-of
     * figures would say otherwise, the row says so. A benchmark that failed (a network that stalled,
     * say) has no result and fails its target.
     */
    private static String row(String what, RunResult ours, RunResult peer, boolean faster, double target, String targetText) {
        if (ours == null || peer == null) {
            return "| " + what + " | " + (ours == null ? "FAILED (see the JMH log)" : score(ours)) + " | "
                    + (peer == null ? "FAILED (see the JMH log)" : score(peer)) + " | | " + targetText + " | no |";
        }
        double[] o = medianAndBest(ours);
        double[] p = medianAndBest(peer);
        double ratio = faster ? p[0] / o[0] : o[0] / p[0];
        double bestRatio = faster ? p[1] / o[1] : o[1] / p[1];
        boolean met = faster ? ratio >= target : ratio <= target;
        boolean bestMet = faster ? bestRatio >= target : bestRatio <= target;
        String verdict = target == 0 ? "n/a" : (met ? "yes" : faster
                ? String.format("no (%.0f%% of the speed-up)", 100 * ratio / target)
                : String.format("no (%.1f%% over)", 100 * (ratio / target - 1)))
                + (met == bestMet ? "" : met ? " (not by the best-of)" : " (yes by the best-of)");
        return String.format("| %s | %s | %s | %.2fx %s (best-of %.2fx) | %s | %s |", what, score(ours), score(peer), ratio,
                faster ? "faster" : "the time", bestRatio, targetText, verdict);
    }

    /** The median and the best (lowest) of a benchmark's measurement iterations, in its unit (ns per operation). */
    private static double[] medianAndBest(RunResult r) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        Collections.sort(scores);
        int n = scores.size();
        double median = n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
        return new double[] {median, scores.get(0)};
    }

    private static String score(RunResult r) {
        double[] mb = medianAndBest(r);
        return String.format("%,.0f ns (best %,.0f)", mb[0], mb[1]);
    }

    /** The machine a run was made on, for the table's heading. */
    static final class Machine {
        static String describe() throws IOException {
            String cpu = "unknown CPU";
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (Files.isReadable(cpuinfo)) {
                cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return String.format("%s, %s; %d cores, %.1f GiB RAM, load average %.2f at the start; JDK %s (%s); %s %s",
                    LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16), cpu,
                    Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (double) (1L << 30), os.getSystemLoadAverage(),
                    Runtime.version(), System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"));
        }
    }
}
