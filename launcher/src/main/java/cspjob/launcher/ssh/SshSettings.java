package cspjob.launcher.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How cspjob reaches its nodes over SSH, validated once. Every default is written down here:
 * <ul>
 *   <li>user: {@code User} from the SSH config for that node, else the local user;</li>
 *   <li>port: {@code Port} from the SSH config, else 22;</li>
 *   <li>keys: {@code IdentityFile} from the SSH config, else those of {@code ~/.ssh/id_ed25519},
 *       {@code id_ecdsa} and {@code id_rsa} that exist;</li>
 *   <li>known hosts: {@code ~/.ssh/known_hosts}, host key policy {@link HostKeyPolicy#STRICT};</li>
 *   <li>SSH config: {@code ~/.ssh/config} when it exists;</li>
 *   <li>connect timeout 10 s; a keep-alive every 2 s, and a node that misses 3 in a row is lost,
 *       so a cut link is noticed within about 8 s.</li>
 * </ul>
 * An explicit {@code user}, {@code port} or {@code keys} wins over the SSH config, as on the
 * {@code ssh} command line.
 *
 * @param user            the remote user, or empty for the default
 * @param port            the port, or empty for the default
 * @param keys            private key files; empty for the default
 * @param knownHosts      the known_hosts file (it need not exist yet)
 * @param hostKeyPolicy   what to do with a node whose key known_hosts does not hold
 * @param sshConfig       an OpenSSH client config file, or empty for none
 * @param connectTimeout  how long to wait for a node to answer and authenticate
 * @param aliveInterval   how often an idle connection checks that the node still answers
 * @param aliveCountMax   how many unanswered checks in a row make the node lost
 */
public record SshSettings(Optional<String> user, OptionalInt port, List<Path> keys, Path knownHosts,
                          HostKeyPolicy hostKeyPolicy, Optional<Path> sshConfig, Duration connectTimeout,
                          Duration aliveInterval, int aliveCountMax) {

    /** The key files tried, in this order, when none is named (as OpenSSH does). */
    public static final List<String> DEFAULT_KEY_NAMES = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_ALIVE_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_ALIVE_COUNT_MAX = 3;

    /** Checks the settings; a bad one fails with a message that names the option. */
    public SshSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(port, "port");
        keys = List.copyOf(keys);
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
        Objects.requireNonNull(sshConfig, "sshConfig");
        if (user.isPresent() && user.get().isBlank()) {
            throw new IllegalArgumentException("--ssh-user is empty; give a user name or leave the option out");
        }
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("--ssh-port " + port.getAsInt() + " is not a port (1 to 65535)");
        }
        for (Path key : keys) {
            if (!Files.isReadable(key)) {
                throw new IllegalArgumentException("--ssh-key " + key + ": no such readable file; name a private key such as ~/.ssh/id_ed25519");
            }
        }
        if (sshConfig.isPresent() && !Files.isReadable(sshConfig.get())) {
            throw new IllegalArgumentException("--ssh-config " + sshConfig.get() + ": no such readable file");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the SSH connect timeout must be positive, not " + connectTimeout);
        }
        if (aliveInterval.isNegative() || aliveInterval.isZero() || aliveCountMax < 1) {
            throw new IllegalArgumentException("the SSH keep-alive needs a positive interval and count, not "
                    + aliveInterval + " x " + aliveCountMax);
        }
    }

    /** Every default: the user's {@code ~/.ssh} files, strict host keys. */
    public static SshSettings defaults() {
        Path ssh = userSshFolder();
        Path config = ssh.resolve("config");
        return new SshSettings(Optional.empty(), OptionalInt.empty(), List.of(), ssh.resolve("known_hosts"),
                HostKeyPolicy.STRICT, Files.isReadable(config) ? Optional.of(config) : Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_ALIVE_INTERVAL, DEFAULT_ALIVE_COUNT_MAX);
    }

    /** The default key files that exist, in the order they are tried. */
    public static List<Path> defaultKeys() {
        Path ssh = userSshFolder();
        return DEFAULT_KEY_NAMES.stream().map(ssh::resolve).filter(Files::isReadable).toList();
    }

    static Path userSshFolder() {
        return Path.of(System.getProperty("user.home"), ".ssh");
    }

    public SshSettings withUser(String newUser) {
        return new SshSettings(Optional.of(newUser), port, keys, knownHosts, hostKeyPolicy, sshConfig,
                connectTimeout, aliveInterval, aliveCountMax);
    }

    public SshSettings withKeys(List<Path> newKeys) {
        return new SshSettings(user, port, newKeys, knownHosts, hostKeyPolicy, sshConfig,
                connectTimeout, aliveInterval, aliveCountMax);
    }

    public SshSettings withKnownHosts(Path file, HostKeyPolicy policy) {
        return new SshSettings(user, port, keys, file, policy, sshConfig,
                connectTimeout, aliveInterval, aliveCountMax);
    }

    public SshSettings withSshConfig(Optional<Path> config) {
        return new SshSettings(user, port, keys, knownHosts, hostKeyPolicy, config,
                connectTimeout, aliveInterval, aliveCountMax);
    }

    public SshSettings withTimeouts(Duration connect, Duration alive, int countMax) {
        return new SshSettings(user, port, keys, knownHosts, hostKeyPolicy, sshConfig, connect, alive, countMax);
    }

    /** One line for a run's report: every setting, defaults included. */
    public String describe() {
        return "ssh user=" + user.orElse("(config or local)") + " port=" + (port.isPresent() ? port.getAsInt() : "(config or 22)")
                + " keys=" + (keys.isEmpty() ? "(config or ~/.ssh defaults)" : keys) + " known_hosts=" + knownHosts
                + " policy=" + hostKeyPolicy.optionName() + " config=" + sshConfig.map(Path::toString).orElse("(none)")
                + " connect-timeout=" + connectTimeout.toSeconds() + "s alive=" + aliveInterval.toMillis() + "ms x" + aliveCountMax;
    }
}
