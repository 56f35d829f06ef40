package cspjob.launcher.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What SshNodes refuses before it touches the network. */
class SshNodesTest {
    @TempDir
    Path temp;

    @Test
    void aKeyFileThatIsNoKeyIsNamedBeforeConnecting() throws Exception {
        Path notAKey = Files.writeString(temp.resolve("id_broken"), "this is not a private key\n");
        SshSettings settings = SshSettings.defaults().withUser("alice").withKeys(List.of(notAKey))
                .withKnownHosts(temp.resolve("known_hosts"), HostKeyPolicy.STRICT).withSshConfig(java.util.Optional.empty());
        try (SshNodes nodes = new SshNodes(settings)) {
            Preflight check = nodes.connectAll(List.of("node1.invalid"));
            assertEquals(List.of(ConnectFailure.Kind.AUTHENTICATION_FAILED), check.failures().stream().map(ConnectFailure::kind).toList());
            String line = check.failures().get(0).line();
            assertTrue(line.startsWith("node1.invalid: cannot use key file " + notAKey), line);
        }
    }

    @Test
    void startingOnANodeThatWasNotConnectedSaysSo() {
        try (SshNodes nodes = new SshNodes(SshSettings.defaults().withKnownHosts(temp.resolve("known_hosts"), HostKeyPolicy.STRICT))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> nodes.start("node1", List.of("hostname")));
            assertEquals("cannot start a command on node1: it was not connected (connectAll first)", e.getMessage());
        }
    }
}
