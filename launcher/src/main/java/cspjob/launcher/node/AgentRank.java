package cspjob.launcher.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One rank JVM as its node agent runs it: started from its command line and environment, its
 * output lines passed on, its exit reported once every line of its output has been.
 */
final class AgentRank {
    private final int rank;
    private final Process process;
    private final Thread exitReporter;

    private AgentRank(int rank, Process process, Consumer<String> report) {
        this.rank = rank;
        this.process = process;
        Thread out = pump(process.getInputStream(), AgentProtocol.OUT, report);
        Thread err = pump(process.getErrorStream(), AgentProtocol.ERR, report);
        this.exitReporter = Thread.ofPlatform().daemon().name("rank " + rank + " exit").start(() -> {
            int code = waitUninterruptibly();
            joinUninterruptibly(out);
            joinUninterruptibly(err);
            report.accept(AgentProtocol.line(AgentProtocol.EXITED, rank, code));
        });
    }

    /** Starts the rank and reports it started (or that it could not be). Returns null when it could not. */
    static AgentRank start(int rank, List<String> command, Map<String, String> environment, java.io.File directory,
            Consumer<String> report) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            Process process = builder.start();
            // Ranks read nothing from the agent: their stdin is closed so that a read ends at once.
            process.getOutputStream().close();
            report.accept(AgentProtocol.line(AgentProtocol.STARTED, rank, process.pid()));
            return new AgentRank(rank, process, report);
        } catch (IOException e) {
            report.accept(AgentProtocol.line(AgentProtocol.FAILED, rank,
                    "cannot start " + command.getFirst() + " in " + directory + ": " + e.getMessage()));
            return null;
        }
    }

    int rank() {
        return rank;
    }

    /** Asks the rank and every process it started to end (SIGTERM). */
    void terminate() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits until {@code deadline} (System.nanoTime) for the rank to end, then cuts it and its descendants off. */
    void endBy(long deadline) {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Waits (up to a bound) until the rank's exit has been reported. */
    void awaitReported(long millis) {
        try {
            exitReporter.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread pump(InputStream stream, String word, Consumer<String> report) {
        return Thread.ofPlatform().daemon().name("rank " + rank + " " + word).start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    report.accept(word + " " + rank + " " + line);
                }
            } catch (IOException streamClosed) {
                // the rank was cut off: its remaining output is lost, its exit is still reported
            }
        });
    }

    private int waitUninterruptibly() {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the exit must be reported
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
