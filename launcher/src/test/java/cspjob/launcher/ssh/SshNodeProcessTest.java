package cspjob.launcher.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.launcher.node.NodeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Commands on real sshd's in network namespaces (bin/testhosts), through {@link SshNodes}. */
@Tag("multi-host")
class SshNodeProcessTest {
    private static final List<String> HOSTS = List.of("cspjob-h1", "cspjob-h2", "cspjob-h3");
    // Not a timing threshold: only a guard against a hang, far above the keep-alive's ~8 s.
    private static final Duration HANG_GUARD = Duration.ofSeconds(90);

    @BeforeAll
    static void up() {
        TestHosts.up(3);
    }

    @AfterAll
    static void down() {
        TestHosts.down();
    }

    @Test
    void eachHostPrintsItsOwnHostname() throws Exception {
        try (SshNodes nodes = connected(HOSTS)) {
            List<NodeProcess> processes = new ArrayList<>();
            for (String host : HOSTS) {
                processes.add(nodes.start(host, List.of("hostname")));
            }
            Map<String, String> printed = new TreeMap<>();
            for (NodeProcess process : processes) {
                printed.put(process.host(), text(process.stdout().readAllBytes()).strip());
                assertEquals(0, process.waitFor(), "exit status of hostname on " + process.host());
            }
            assertEquals(Map.of("cspjob-h1", "cspjob-h1", "cspjob-h2", "cspjob-h2", "cspjob-h3", "cspjob-h3"), printed);
        }
    }

    @Test
    void stdinReachesTheRemoteCommand() throws Exception {
        try (SshNodes nodes = connected(List.of("cspjob-h2"))) {
            NodeProcess cat = nodes.start("cspjob-h2", List.of("cat"));
            cat.stdin().write("a line from the launcher\nand another\n".getBytes(StandardCharsets.UTF_8));
            cat.stdin().close();
            assertEquals("a line from the launcher\nand another\n", text(cat.stdout().readAllBytes()));
            assertEquals(0, cat.waitFor());
        }
    }

    @Test
    void exitStatusAndStderrComeBackApart() throws Exception {
        try (SshNodes nodes = connected(List.of("cspjob-h1"))) {
            NodeProcess process = nodes.start("cspjob-h1", List.of("sh", "-c", "echo out; echo 'it went wrong' >&2; exit 7"));
            assertEquals("out\n", text(process.stdout().readAllBytes()));
            assertEquals("it went wrong\n", text(process.stderr().readAllBytes()));
            assertEquals(7, process.waitFor());
        }
    }

    @Test
    void closingEndsARemoteCommandThatReadsStdin() throws Exception {
        try (SshNodes nodes = connected(List.of("cspjob-h1"))) {
            String command = "head -c 987651";   // ends at the end of its input
            NodeProcess process = nodes.start("cspjob-h1", List.of(command.split(" ")));
            awaitRunning("cspjob-h1", command);
            process.close();
            assertGone("cspjob-h1", command);
        }
    }

    @Test
    void closingEndsARemoteCommandThatIgnoresStdinAndSigterm() throws Exception {
        try (SshNodes nodes = connected(List.of("cspjob-h2"))) {
            String marker = "987652";
            NodeProcess process = nodes.start("cspjob-h2", List.of("sh", "-c", "trap '' TERM; exec sleep " + marker));
            awaitRunning("cspjob-h2", "sleep " + marker);
            process.close();
            assertGone("cspjob-h2", "sleep " + marker);
        }
    }

    @Test
    void closingTheNodesEndsEveryCommandStillRunning() {
        SshNodes nodes = connected(List.of("cspjob-h1", "cspjob-h2"));
        nodes.start("cspjob-h1", List.of("sleep", "987654"));
        nodes.start("cspjob-h2", List.of("sh", "-c", "trap '' TERM; exec sleep 987655"));
        awaitRunning("cspjob-h1", "sleep 987654");
        awaitRunning("cspjob-h2", "sleep 987655");
        nodes.close();
        assertGone("cspjob-h1", "sleep 987654");
        assertGone("cspjob-h2", "sleep 987655");
    }

    @Test
    void aCutLinkMakesWaitForReturnConnectionLost() throws Exception {
        try (SshNodes nodes = connected(List.of("cspjob-h3"))) {
            NodeProcess process = nodes.start("cspjob-h3", List.of("sleep", "987653"));
            awaitRunning("cspjob-h3", "sleep 987653");
            TestHosts.cut("cspjob-h3");
            try {
                int status = assertTimeoutPreemptively(HANG_GUARD, process::waitFor,
                        "waitFor did not return after the link to cspjob-h3 was cut: keep-alives are not working");
                assertEquals(NodeProcess.CONNECTION_LOST, status);
            } finally {
                TestHosts.heal("cspjob-h3");
            }
        }
    }

    static SshNodes connected(List<String> hosts) {
        SshNodes nodes = new SshNodes(TestHosts.settings());
        Preflight check = nodes.connectAll(hosts);
        assertTrue(check.ok(), () -> String.join("\n", check.report()));
        return nodes;
    }

    /** Waits until a process whose whole command line is {@code commandLine} runs on the host. */
    private static void awaitRunning(String host, String commandLine) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            while (pgrep(host, commandLine) != 0) {
                Thread.sleep(20);
            }
        }, "'" + commandLine + "' never started on " + host);
    }

    /** The process is gone once close() has returned (sshd reports a signal's exit only after reaping it). */
    private static void assertGone(String host, String commandLine) {
        assertEquals(1, pgrep(host, commandLine), "'" + commandLine + "' still runs on " + host + " after close()");
    }

    // -x: the whole command line, so that neither the shell that started it nor this pgrep's own
    // caller (whose arguments contain the same words) matches.
    private static int pgrep(String host, String commandLine) {
        return TestHosts.exec(host, "pgrep", "-f", "-x", commandLine).status();
    }

    private static String text(byte[] bytes) throws IOException {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
