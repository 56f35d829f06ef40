package cspjob.launcher.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a node's name becomes an address, a user and keys: options, then the SSH config, then defaults. */
class SshTargetTest {
    @TempDir
    Path temp;

    private SshSettings withConfig(String text) throws Exception {
        Path config = Files.writeString(temp.resolve("config"), text);
        return SshSettings.defaults().withSshConfig(Optional.of(config));
    }

    private static SshTarget resolve(String node, SshSettings settings) {
        return SshTarget.resolve(node, settings, SshTarget.readConfig(settings));
    }

    @Test
    void theConfigGivesHostNameUserPortAndIdentityFile() throws Exception {
        SshSettings settings = withConfig("""
                Host node*
                  HostName %h.cluster.example
                  User alice
                  Port 2200
                  IdentityFile ~/.ssh/cluster_key
                """);
        String home = System.getProperty("user.home");
        assertEquals(new SshTarget("node7", "node7.cluster.example", 2200, "alice", List.of(Path.of(home, ".ssh/cluster_key"))),
                resolve("node7", settings));
    }

    @Test
    void optionsWinOverTheConfig() throws Exception {
        Path key = Files.writeString(temp.resolve("my_key"), "");
        SshSettings settings = new SshSettings(Optional.of("bob"), OptionalInt.of(22), List.of(key),
                temp.resolve("known_hosts"), HostKeyPolicy.STRICT, Optional.empty(), SshSettings.DEFAULT_CONNECT_TIMEOUT,
                SshSettings.DEFAULT_ALIVE_INTERVAL, SshSettings.DEFAULT_ALIVE_COUNT_MAX)
                .withSshConfig(withConfig("Host *\n  User alice\n  Port 2200\n  IdentityFile /elsewhere\n").sshConfig());
        SshTarget target = resolve("node1", settings);
        assertEquals(new SshTarget("node1", "node1", 22, "bob", List.of(key)), target);
        assertEquals("bob@node1", target.address());
    }

    @Test
    void aNodeTheConfigDoesNotNameGetsTheDefaults() throws Exception {
        SshSettings settings = withConfig("Host other\n  User alice\n");
        assertEquals(new SshTarget("node1", "node1", 22, System.getProperty("user.name"), SshSettings.defaultKeys()),
                resolve("node1", settings));
    }

    @Test
    void commandsAreQuotedForTheRemoteShell() {
        assertEquals("java -cp /a/b.jar:/c 'it'\\''s here' '$HOME' ''",
                ShellQuoting.join(List.of("java", "-cp", "/a/b.jar:/c", "it's here", "$HOME", "")));
    }
}
