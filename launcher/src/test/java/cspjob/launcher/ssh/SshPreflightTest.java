package cspjob.launcher.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.launcher.node.NodeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of every node before anything starts, against real sshd's in network namespaces:
 * cspjob-h1 and cspjob-h2 run sshd, cspjob-h3 has an address but no sshd.
 */
@Tag("multi-host")
class SshPreflightTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void up() {
        TestHosts.up(3, "cspjob-h3");
    }

    @AfterAll
    static void down() {
        TestHosts.down();
    }

    @Test
    void everyBadNodeIsReportedByNameInNodeListOrder() {
        try (SshNodes nodes = new SshNodes(TestHosts.settings())) {
            Preflight check = nodes.connectAll(List.of("cspjob-h1", "cspjob-h3", "no-such-node.invalid", "cspjob-h2", "cspjob-h1"));
            assertFalse(check.ok());
            assertEquals(List.of("cspjob-h1", "cspjob-h2"), check.reached());
            assertEquals(List.of("cspjob-h3", "no-such-node.invalid"), check.failures().stream().map(f -> f.target().node()).toList());
            assertEquals(List.of(ConnectFailure.Kind.CONNECTION_REFUSED, ConnectFailure.Kind.NAME_DOES_NOT_RESOLVE),
                    check.failures().stream().map(ConnectFailure::kind).toList());
            List<String> report = check.report();
            assertEquals(3, report.size(), String.join("\n", report));
            assertTrue(report.get(0).contains("2 of 4 nodes"), report.get(0));
            assertTrue(report.get(1).contains("cspjob-h3: connection refused by cspjob-h3 port 22: no sshd"), report.get(1));
            assertTrue(report.get(2).contains("no-such-node.invalid: the name no-such-node.invalid does not resolve"), report.get(2));
        }
    }

    @Test
    void aWrongKeyIsNamedWithItsUser() throws Exception {
        Path wrongKey = temp.resolve("not_authorized_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", wrongKey.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, keygen.waitFor(), new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        try (SshNodes nodes = new SshNodes(TestHosts.settings().withKeys(List.of(wrongKey)))) {
            Preflight check = nodes.connectAll(List.of("cspjob-h1", "cspjob-h2"));
            assertEquals(List.of(ConnectFailure.Kind.AUTHENTICATION_FAILED, ConnectFailure.Kind.AUTHENTICATION_FAILED),
                    check.failures().stream().map(ConnectFailure::kind).toList());
            String line = check.failures().get(0).line();
            assertTrue(line.startsWith("cspjob-h1: authentication failed for user root with key files " + wrongKey), line);
        }
    }

    @Test
    void strictPolicyRefusesAHostMissingFromKnownHostsAndSaysWhatToAdd() throws Exception {
        Path empty = Files.createFile(temp.resolve("known_hosts"));
        try (SshNodes nodes = new SshNodes(TestHosts.settings().withKnownHosts(empty, HostKeyPolicy.STRICT))) {
            Preflight check = nodes.connectAll(List.of("cspjob-h1"));
            assertEquals(List.of(ConnectFailure.Kind.HOST_KEY_UNKNOWN), check.failures().stream().map(ConnectFailure::kind).toList());
            String line = check.failures().get(0).line();
            assertTrue(line.contains("add this line to that file: cspjob-h1 " + testHostKey("cspjob-h1")), line);
            assertTrue(line.contains("--host-key-policy accept-new"), line);
        }
        assertEquals("", Files.readString(empty), "strict must not write to known_hosts");
    }

    @Test
    void acceptNewTrustsAnUnknownHostAndWritesItsLine() throws Exception {
        Path knownHosts = temp.resolve("created/known_hosts");   // neither the file nor its folder exists
        try (SshNodes nodes = new SshNodes(TestHosts.settings().withKnownHosts(knownHosts, HostKeyPolicy.ACCEPT_NEW))) {
            Preflight check = nodes.connectAll(List.of("cspjob-h1", "cspjob-h2"));
            assertTrue(check.ok(), () -> String.join("\n", check.report()));
        }
        assertEquals(List.of("cspjob-h1 " + testHostKey("cspjob-h1"), "cspjob-h2 " + testHostKey("cspjob-h2")),
                Files.readAllLines(knownHosts).stream().sorted().toList());
    }

    @Test
    void aChangedHostKeyIsRefusedEvenUnderAcceptNew() throws Exception {
        // cspjob-h1 listed with cspjob-h2's key: what a man in the middle, or a reinstalled node, looks like.
        Path knownHosts = Files.writeString(temp.resolve("known_hosts"),
                "cspjob-h2 " + testHostKey("cspjob-h2") + "\ncspjob-h1 " + testHostKey("cspjob-h2") + "\n");
        try (SshNodes nodes = new SshNodes(TestHosts.settings().withKnownHosts(knownHosts, HostKeyPolicy.ACCEPT_NEW))) {
            Preflight check = nodes.connectAll(List.of("cspjob-h1", "cspjob-h2"));
            assertEquals(List.of("cspjob-h2"), check.reached());
            assertEquals(List.of(ConnectFailure.Kind.HOST_KEY_CHANGED), check.failures().stream().map(ConnectFailure::kind).toList());
            String line = check.failures().get(0).line();
            assertTrue(line.startsWith("cspjob-h1: HOST KEY CHANGED"), line);
            assertTrue(line.contains(knownHosts + " line 2;"), line);
            assertTrue(line.contains("possible attack"), line);
        }
        assertEquals(2, Files.readAllLines(knownHosts).size(), "a changed key must not be written");
    }

    @Test
    void aHostWhoseLinkIsCutTimesOut() {
        SshSettings settings = TestHosts.settings().withTimeouts(Duration.ofSeconds(2),
                SshSettings.DEFAULT_ALIVE_INTERVAL, SshSettings.DEFAULT_ALIVE_COUNT_MAX);
        TestHosts.cut("cspjob-h2");
        try (SshNodes nodes = new SshNodes(settings)) {
            Preflight check = nodes.connectAll(List.of("cspjob-h1", "cspjob-h2"));
            assertEquals(List.of(ConnectFailure.Kind.TIMED_OUT), check.failures().stream().map(ConnectFailure::kind).toList());
            assertTrue(check.failures().get(0).line().startsWith("cspjob-h2: timed out after 2 s"), check.failures().get(0).line());
        } finally {
            TestHosts.heal("cspjob-h2");
        }
    }

    @Test
    void theSshConfigGivesHostNameUserIdentityFileAndPort() throws Exception {
        Path config = Files.writeString(temp.resolve("config"), """
                Host first
                  HostName cspjob-h1
                  User root
                  IdentityFile %s
                Host second
                  HostName cspjob-h2
                  User root
                  IdentityFile %s
                  Port 2222
                """.formatted(TestHosts.DIR.resolve("id_ed25519"), TestHosts.DIR.resolve("id_ed25519")));
        SshSettings fromConfig = new SshSettings(Optional.empty(), OptionalInt.empty(), List.of(),
                TestHosts.DIR.resolve("known_hosts"), HostKeyPolicy.STRICT, Optional.of(config),
                Duration.ofSeconds(10), SshSettings.DEFAULT_ALIVE_INTERVAL, SshSettings.DEFAULT_ALIVE_COUNT_MAX);
        try (SshNodes nodes = new SshNodes(fromConfig)) {
            Preflight check = nodes.connectAll(List.of("first", "second"));
            assertEquals(List.of("first"), check.reached());
            assertTrue(check.failures().get(0).line().startsWith("second: connection refused by cspjob-h2 port 2222"),
                    check.failures().get(0).line());
            NodeProcess hostname = nodes.start("first", List.of("hostname"));
            assertEquals("cspjob-h1", new String(hostname.stdout().readAllBytes(), StandardCharsets.UTF_8).strip());
            assertEquals(0, hostname.waitFor());
        }
        SshSettings portOption = new SshSettings(Optional.empty(), OptionalInt.of(22), List.of(),
                fromConfig.knownHosts(), HostKeyPolicy.STRICT, Optional.of(config), fromConfig.connectTimeout(),
                fromConfig.aliveInterval(), fromConfig.aliveCountMax());
        try (SshNodes nodes = new SshNodes(portOption)) {
            Preflight check = nodes.connectAll(List.of("second"));
            assertTrue(check.ok(), () -> "--ssh-port must win over Port in the config: " + check.report());
        }
    }

    /** "ssh-ed25519 AAAA..." of a test host, from the known_hosts bin/testhosts wrote. */
    private static String testHostKey(String host) throws Exception {
        return Files.readAllLines(TestHosts.DIR.resolve("known_hosts")).stream()
                .filter(line -> line.startsWith(host + ","))
                .map(line -> line.substring(line.indexOf(' ') + 1))
                .findFirst().orElseThrow();
    }
}
