package cspjob.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmarks of channels across JVMs, for {@link BenchmarkSuite}: each runs in a JVM of its own
 * (with the heap it needs; its jvm processes inherit it), writes its table rows to a file, and its
 * output goes to a log in the suite's folder.
 */
final class NetBenchmarks {
    /** The names {@code bin/bench} knows them by; {@code net} runs all three. */
    static final List<String> NAMES = List.of("pingpong", "throughput", "jvmring");
    static final long MINUTES = 40;

    private NetBenchmarks() {
    }

    /** Runs benchmark {@code name} and returns its table rows (or one FAILED row). */
    static List<String> run(String name, Path dir) throws IOException, InterruptedException {
        Class<?> main;
        List<String> args = new ArrayList<>();
        String heap = "-Xmx1g";
        String duration;
        switch (name) {
            case "pingpong" -> {
                main = JvmPingPong.class;
                duration = "about 30 seconds";
            }
            case "throughput" -> {
                main = JvmThroughput.class;
                heap = "-Xmx3g"; // a 1 GiB message, the one it replaces and the raw pump's copy, in each of the two JVMs
                duration = "about 5 minutes";
            }
            case "jvmring" -> {
                main = JvmRing.class;
                args.addAll(List.of("--rounds", "5"));
                heap = "-Xmx512m";
                duration = "about 8 minutes";
            }
            default -> throw new IllegalArgumentException("no benchmark across JVMs is called " + name + "; there are " + NAMES);
        }
        Path rows = dir.resolve(name + ".rows");
        Path log = dir.resolve(name + ".log");
        Files.deleteIfExists(rows);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-Xmx") && !arg.startsWith("-Xms")) {
                command.add(arg);
            }
        }
        // 8 JVMs starting at once on a busy machine have taken more than the default 5 s to complete a handshake
        command.addAll(List.of(heap, "-Dcspjob.dispatcher.handshakeTimeoutMillis=60000", "-cp", System.getProperty("java.class.path"),
                main.getName(), "--rows", rows.toString()));
        command.addAll(args);
        System.out.println(main.getSimpleName() + " (" + duration + "; log: " + log + ") ...");
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = jvm.waitFor(MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly().waitFor();
        }
        if (ended && jvm.exitValue() == 0 && Files.exists(rows)) {
            return Files.readAllLines(rows);
        }
        String why = ended ? "exit code " + jvm.exitValue() : "not done within " + MINUTES + " minutes";
        return List.of("| " + name + " across JVMs | FAILED (" + why + "; see " + log + ") | | | | no |");
    }
}
