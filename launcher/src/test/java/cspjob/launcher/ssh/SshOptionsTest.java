package cspjob.launcher.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SshOptionsTest {
    @TempDir
    Path temp;

    @Command(name = "run")
    static final class Run {
        @Mixin
        SshOptions ssh;
    }

    private static SshSettings parse(String... args) {
        Run run = new Run();
        new CommandLine(run).parseArgs(args);
        return run.ssh.settings();
    }

    @Test
    void everyOptionReachesTheSettings() throws Exception {
        Path key = Files.writeString(temp.resolve("id_test"), "not parsed here");
        Path config = Files.writeString(temp.resolve("config"), "Host x\n  Port 2\n");
        SshSettings settings = parse("--ssh-user", "alice", "--ssh-port", "2222", "--ssh-key", key.toString(),
                "--known-hosts", temp.resolve("kh").toString(), "--host-key-policy", "accept-new",
                "--ssh-config", config.toString(), "--ssh-connect-timeout", "3");
        assertEquals(new SshSettings(Optional.of("alice"), OptionalInt.of(2222), List.of(key), temp.resolve("kh"),
                HostKeyPolicy.ACCEPT_NEW, Optional.of(config), Duration.ofSeconds(3),
                SshSettings.DEFAULT_ALIVE_INTERVAL, SshSettings.DEFAULT_ALIVE_COUNT_MAX), settings);
    }

    @Test
    void withoutOptionsTheDefaultsAreThoseOfTheUsersSshFolder() {
        SshSettings settings = parse();
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        assertEquals(ssh.resolve("known_hosts"), settings.knownHosts());
        assertEquals(HostKeyPolicy.STRICT, settings.hostKeyPolicy());
        assertEquals(Files.isReadable(ssh.resolve("config")) ? Optional.of(ssh.resolve("config")) : Optional.empty(),
                settings.sshConfig());
        assertEquals(List.of(), settings.keys(), "no key named: the config's or ~/.ssh's are chosen per node");
        assertEquals(SshSettings.DEFAULT_CONNECT_TIMEOUT, settings.connectTimeout());
    }

    @Test
    void anUnknownPolicyIsRefusedWithTheChoices() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> parse("--host-key-policy", "trust-all"));
        assertTrue(e.getMessage().contains("'trust-all' is not one of: strict, accept-new"), e.getMessage());
    }

    @Test
    void badValuesAreRefusedNamingTheirOption() {
        assertEquals("--ssh-port 0 is not a port (1 to 65535)",
                assertThrows(IllegalArgumentException.class, () -> parse("--ssh-port", "0")).getMessage());
        String missing = temp.resolve("missing_key").toString();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--ssh-key", missing)).getMessage()
                .startsWith("--ssh-key " + missing + ": no such readable file"));
        String noConfig = temp.resolve("no_config").toString();
        assertEquals("--ssh-config " + noConfig + ": no such readable file",
                assertThrows(IllegalArgumentException.class, () -> parse("--ssh-config", noConfig)).getMessage());
    }

    @Test
    void policyNamesRoundTrip() {
        for (HostKeyPolicy policy : HostKeyPolicy.values()) {
            assertEquals(policy, HostKeyPolicy.parse(policy.optionName().toUpperCase()));
        }
    }
}
