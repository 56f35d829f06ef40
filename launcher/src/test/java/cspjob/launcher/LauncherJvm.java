package cspjob.launcher;

import cspjob.launcher.node.JavaCommand;
import cspjob.launcher.ranks.Output;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code cspjob run rank-test ...} in a JVM of its own, as a user runs it, for the tests. Every JVM
 * of the run (launcher, agents, ranks, on this machine or a test host, which share its process
 * table) carries a marker in its command line, since the launcher's flags pass on to the agents
 * and the ranks; so a test can find any JVM left behind.
 */
public final class LauncherJvm {
    /** A bound on hangs, not a measurement. */
    public static final Duration LIMIT = Duration.ofSeconds(120);
    /*
     * A rank JVM needs 1 to 1.5 s of CPU to start the runtime; on this shared 2-core machine (load
     * 20 and more while other builds run) ranks took longer than the runtime's default handshake
     * timeout (5 s) to answer, even with paced starts. These tests are about the launcher, so they
     * give the ranks room; the flags pass on to the agents and the ranks with the launcher's.
     */
    private static final List<String> LENIENT = List.of("-Dcspjob.dispatcher.handshakeTimeoutMillis=120000",
            "-Dcspjob.dispatcher.silenceLimitMillis=120000");
    private final String marker = "cspjob.test.marker=" + UUID.randomUUID();
    private final Path dir;
    public final Output out = new Output();
    public final Output err = new Output();
    private Process launcher;

    /** @param dir where the host file goes */
    public LauncherJvm(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code cspjob run rank-test ARGS --hostfile F}, F holding {@code hostfile}. */
    public Process start(String hostfile, List<String> environment, String... args) throws IOException {
        Path file = Files.writeString(dir.resolve("hostfile"), hostfile);
        List<String> all = new ArrayList<>(List.of("run", "rank-test"));
        all.addAll(List.of(args));
        all.addAll(List.of("--hostfile", file.toString()));
        List<String> flags = new ArrayList<>(LENIENT);
        flags.add("-D" + marker);
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.of(Main.class.getName(), flags, all));
        for (String variable : environment) {
            builder.environment().put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }
        launcher = builder.start();
        pump(launcher.getInputStream(), out);
        pump(launcher.getErrorStream(), err);
        return launcher;
    }

    public Process process() {
        return launcher;
    }

    private static void pump(InputStream from, Output to) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                from.transferTo(to.stream);
            } catch (IOException ended) {
                // the launcher has gone
            }
        });
    }

    /** Every JVM of this run still alive. */
    public List<String> jvmsLeft() {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("").replaceAll(".* cspjob\\.", "cspjob.")).toList();
    }

    /** Waits until no JVM of the run is left, up to {@link #LIMIT}; returns those still there. */
    public List<String> awaitNoJvmLeft() throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!jvmsLeft().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return jvmsLeft();
    }

    /** Kills the launcher if it still runs, waits for its JVMs to go, kills any left; returns those that were left. */
    public List<String> stopAndListLeft() throws InterruptedException {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
        List<String> left = awaitNoJvmLeft();
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker)).forEach(ProcessHandle::destroyForcibly);
        return left;
    }
}
