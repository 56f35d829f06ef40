package cspjob.launcher.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The SSH options of {@code cspjob run}, as a picocli mixin:
 * {@code @Mixin SshOptions ssh;} then {@code ssh.settings()}. The defaults are those of
 * {@link SshSettings}.
 */
public final class SshOptions {
    @Option(names = "--ssh-user", paramLabel = "USER",
            description = "user on the nodes (default: User in the SSH config, else your user name)")
    String user;

    @Option(names = "--ssh-port", paramLabel = "PORT",
            description = "sshd port on the nodes (default: Port in the SSH config, else 22)")
    Integer port;

    @Option(names = "--ssh-key", paramLabel = "FILE",
            description = "private key to log in with; repeat for more (default: IdentityFile in the SSH config, "
                    + "else those of ~/.ssh/id_ed25519, id_ecdsa, id_rsa that exist)")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file with the nodes' host keys (default: ~/.ssh/known_hosts)")
    Path knownHosts;

    @Option(names = "--host-key-policy", paramLabel = "POLICY", converter = PolicyConverter.class,
            description = "strict: refuse a node whose host key is not known (default); accept-new: add it to "
                    + "known_hosts. A CHANGED host key is refused under both.")
    HostKeyPolicy hostKeyPolicy;

    @Option(names = "--ssh-config", paramLabel = "FILE",
            description = "OpenSSH client config: Host, HostName, Port, User, IdentityFile are honoured "
                    + "(default: ~/.ssh/config when it exists)")
    Path sshConfig;

    @Option(names = "--ssh-connect-timeout", paramLabel = "SECONDS",
            description = "how long to wait for a node to answer and accept the login (default: 10)")
    Integer connectTimeoutSeconds;

    /** The validated settings; a bad value fails with a message naming its option. */
    public SshSettings settings() {
        SshSettings defaults = SshSettings.defaults();
        return new SshSettings(Optional.ofNullable(user), port == null ? OptionalInt.empty() : OptionalInt.of(port),
                keys, knownHosts != null ? knownHosts : defaults.knownHosts(),
                hostKeyPolicy != null ? hostKeyPolicy : defaults.hostKeyPolicy(),
                sshConfig != null ? Optional.of(sshConfig) : defaults.sshConfig(),
                connectTimeoutSeconds != null ? Duration.ofSeconds(connectTimeoutSeconds) : defaults.connectTimeout(),
                defaults.aliveInterval(), defaults.aliveCountMax());
    }

    /** picocli converter for {@code strict | accept-new}. */
    static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<HostKeyPolicy> {
        @Override
        public HostKeyPolicy convert(String value) {
            return HostKeyPolicy.parse(value);
        }
    }
}
