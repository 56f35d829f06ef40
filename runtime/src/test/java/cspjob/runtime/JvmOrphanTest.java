package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A JVM started for a jvm process never outlives its parent, even when the parent is killed with SIGKILL. */
@Tag("multi-jvm")
class JvmOrphanTest {

    /** The parent program: runs one jvm process that would sleep for ten minutes. */
    public static final class Parent {
        public static void main(String[] args) {
            JvmTestProcesses.register();
            Csp.parallel(new JvmTestProcesses.Sleeper().as(ProcessKind.JVM));
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 90, unit = TimeUnit.SECONDS)
    void killingTheParentEndsTheJvmOfItsProcess() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Parent.class.getName());
        Process parent = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            ProcessHandle child = awaitChildJvm(parent);
            parent.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
            assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
            child.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "the jvm process's JVM " + child.pid() + " outlived its parent");
        } finally {
            parent.destroyForcibly();
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static ProcessHandle awaitChildJvm(Process parent) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Optional<ProcessHandle> child = parent.descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(WorkerMain.class.getName()))
                    .findFirst();
            if (child.isPresent()) {
                Thread.sleep(1000); // let it connect and start its process
                return child.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the parent never started the JVM of its jvm process");
    }
}
