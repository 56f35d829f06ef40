package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A program whose main returns without Csp.shutdown(): spawned work still finishes, and spawned
 * processes that can never finish end the JVM with a message and status 1 instead of a hang. Each
 * case runs in a JVM of its own, since it is about how a JVM ends.
 */
@Tag("multi-jvm")
class ForgottenShutdownTest {

    /** The programs the child JVMs run. */
    public static final class Program {
        public static void main(String[] args) {
            switch (args[0]) {
                case "finishes" -> Csp.spawn(((CspProcess) () -> {
                    Thread.sleep(500);
                    System.out.println("spawned work done");
                }).named("late-worker"));
                case "stuck" -> {
                    Channel<Integer> nobodyWrites = new Channel<>("orphan");
                    ChannelReader<Integer> in = nobodyWrites.reader();
                    Csp.spawn(((CspProcess) () -> System.out.println("read " + in.read())).named("waiting-reader"));
                    Csp.spawn(((CspProcess) () -> Csp.parallel(() -> in.read(), () -> in.read())).named("waiting-parallel"));
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
            System.out.println("main returns");
        }
    }

    record Outcome(int exitCode, String output) {
    }

    private static Outcome runChild(String mode) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Program.class.getName());
        command.add(mode);
        File log = File.createTempFile("forgotten-shutdown", ".log");
        log.deleteOnExit();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM hung; output: " + java.nio.file.Files.readString(log.toPath()));
        }
        return new Outcome(child.exitValue(), java.nio.file.Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void spawnedWorkFinishesAfterMainReturns() throws Exception {
        Outcome outcome = runChild("finishes");
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().indexOf("main returns") < outcome.output().indexOf("spawned work done"), outcome.output());
    }

    @Test
    void spawnedProcessesThatCanNeverFinishEndTheJvmWithANamedMessage() throws Exception {
        Outcome outcome = runChild("stuck");
        assertEquals(1, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().contains("'waiting-reader'") && outcome.output().contains("'waiting-parallel'"), outcome.output());
        assertTrue(outcome.output().contains("Csp.shutdown()"), outcome.output());
    }
}
