package cspjob.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the largest cspjob ring that completes two laps (see {@link LargestRing}) in a JVM with
 * {@value #HEAP}, by running {@link LargestRing} in child JVMs (one ring per JVM; a ring too large ends in an OutOfMemoryError or
 * runs out of time), then runs the bare ring of the same size beside it. The search: a calibration
 * ring of a million processes gives the bytes per process and so a first guess; from there it steps
 * by {@value #STEP_PERCENT}% up (while rings fit) or down (until one fits). The target size is tried
 * too unless the calibration shows it needs more than 110% of the heap (then the search shows the
 * miss with the smallest ring that failed).
 */
final class LargestRingSearch {
    static final String HEAP = "-Xmx20g";
    static final long TARGET = 10_000_000;
    static final int STEP_PERCENT = 10;
    static final long CALIBRATION = 1_000_000;
    /** A ring that has not finished its lap by then is counted as not fitting (a JVM near its heap limit can thrash for long). */
    static final long ATTEMPT_MINUTES = 12;

    /** One child JVM's outcome; {@code line} is LargestRing's {@code key=value} line, or why it failed. */
    record Attempt(String kind, long processes, boolean completed, double bytesPerProcess, double seconds, String line) {
    }

    /** The largest ring that fits, its bare peer, and every attempt made. */
    record Outcome(Attempt largest, Attempt bare, List<Attempt> attempts) {
    }

    private final Path dir;
    private final List<Attempt> attempts = new ArrayList<>();

    LargestRingSearch(Path dir) {
        this.dir = dir;
    }

    Outcome run(int maxAttempts) throws IOException, InterruptedException {
        Attempt best = attempt("cspjob", CALIBRATION);
        if (best.completed()) {
            double heap = Double.parseDouble(value(best.line(), "maxHeapBytes"));
            long guess = roundMillion((long) (0.95 * heap / best.bytesPerProcess()));
            Long failedAt = null;
            // The target itself, unless the calibration says it needs well over the heap (it is the slowest ring to fail).
            if (TARGET * best.bytesPerProcess() <= 1.1 * heap) {
                Attempt target = attempt("cspjob", TARGET);
                if (target.completed()) {
                    best = target;
                } else {
                    failedAt = TARGET;
                }
            } else {
                System.out.printf("  (%,d processes would need %.1f GiB at %.0f bytes each: over the heap, not tried)%n",
                        TARGET, TARGET * best.bytesPerProcess() / (1L << 30), best.bytesPerProcess());
            }
            long n = best.processes() >= TARGET ? Math.max(guess, step(TARGET, +1)) : Math.min(guess, step(TARGET, -1));
            while (attempts.size() < maxAttempts) {
                Attempt a = attempt("cspjob", n);
                if (a.completed()) {
                    if (a.processes() > best.processes()) {
                        best = a;
                    }
                    if (failedAt != null && step(n, +1) >= failedAt) {
                        break; // the next size up is one that failed: found within a step
                    }
                    n = step(n, +1);
                } else {
                    failedAt = failedAt == null ? n : Math.min(failedAt, n);
                    if (best.processes() >= step(n, -1)) {
                        break;
                    }
                    n = step(n, -1);
                }
            }
        }
        Attempt bare = best.completed() ? attempt("bare", best.processes()) : null;
        return new Outcome(best.completed() ? best : null, bare, List.copyOf(attempts));
    }

    private static long step(long n, int direction) {
        return roundMillion(n + direction * n * STEP_PERCENT / 100);
    }

    /** Down to a multiple of half a million. */
    private static long roundMillion(long n) {
        return Math.max(1_000_000, n / 500_000 * 500_000);
    }

    /** Runs one ring in its own JVM, with this JVM's flags (bin/jvm.properties) and {@value #HEAP}. */
    Attempt attempt(String kind, long processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-Xmx") && !arg.startsWith("-Xms")) {
                command.add(arg);
            }
        }
        command.addAll(List.of(HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                LargestRing.class.getName(), kind, Long.toString(processes)));
        Path log = dir.resolve("largest-" + kind + "-" + processes + ".log");
        System.out.printf("  largest ring: %s, %,d processes ... ", kind, processes);
        System.out.flush();
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(ATTEMPT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = Files.readAllLines(log).stream().filter(l -> l.startsWith("ring=")).findFirst().orElse(null);
        Attempt a;
        if (ended && child.exitValue() == 0 && line != null) {
            a = new Attempt(kind, processes, true, Double.parseDouble(value(line, "bytesPerProcess")), seconds, line);
        } else {
            String why = !ended ? "no lap within " + ATTEMPT_MINUTES + " min"
                    : Files.readString(log).contains("OutOfMemoryError") ? "OutOfMemoryError"
                    : child.exitValue() == 137 ? "killed by the OS (machine out of memory)"
                    : "exit " + child.exitValue();
            a = new Attempt(kind, processes, false, Double.NaN, seconds, why);
        }
        System.out.printf("%s (%.0f s)%n", a.completed() ? String.format("%.0f bytes per process", a.bytesPerProcess()) : a.line(), seconds);
        attempts.add(a);
        return a;
    }

    private static String value(String line, String key) {
        for (String pair : line.split(" ")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + key + " in: " + line);
    }
}
