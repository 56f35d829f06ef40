package cspjob.launcher.ssh;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where and as whom one node is reached: its name in the node list, resolved through the SSH
 * config and the options (an option wins over the config, the config over the defaults).
 *
 * @param node     the node's name as the node list gives it
 * @param hostname the name or address actually connected to ({@code HostName} in the config)
 * @param port     the sshd port
 * @param user     the remote user
 * @param keys     the private key files to try, in order (may be empty: then no login can work)
 */
public record SshTarget(String node, String hostname, int port, String user, List<Path> keys) {
    public SshTarget {
        keys = List.copyOf(keys);
    }

    /** {@code user@hostname:port}, for messages. */
    public String address() {
        return user + "@" + hostname + (port == 22 ? "" : ":" + port);
    }

    /** Reads the SSH config file of the settings, if any. */
    static ConfigRepository readConfig(SshSettings settings) {
        if (settings.sshConfig().isEmpty()) {
            return host -> EMPTY_CONFIG;
        }
        Path file = settings.sshConfig().get();
        try {
            return OpenSSHConfig.parseFile(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SSH config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Resolves {@code node} with the settings and the SSH config. */
    static SshTarget resolve(String node, SshSettings settings, ConfigRepository configs) {
        ConfigRepository.Config config = configs.getConfig(node);
        String user = settings.user().orElseGet(() -> orElse(config.getUser(), System.getProperty("user.name")));
        String hostname = orElse(config.getHostname(), node).replace("%h", node);
        int port = settings.port().orElse(config.getPort() > 0 ? config.getPort() : 22);
        List<Path> keys = settings.keys();
        if (keys.isEmpty()) {
            String[] named = config.getValues("IdentityFile");
            keys = named == null || named.length == 0 ? SshSettings.defaultKeys()
                    : Arrays.stream(named).map(name -> expand(name, node, hostname, user)).toList();
        }
        return new SshTarget(node, hostname, port, user, keys);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    // The tokens of ssh_config(5) that IdentityFile lines commonly use.
    private static Path expand(String name, String node, String hostname, String user) {
        String home = System.getProperty("user.home");
        String expanded = name.replace("%d", home).replace("%u", System.getProperty("user.name"))
                .replace("%r", user).replace("%h", hostname).replace("%n", node).replace("%%", "%");
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            expanded = home + expanded.substring(1);
        }
        return Path.of(expanded);
    }

    private static final ConfigRepository.Config EMPTY_CONFIG = new ConfigRepository.Config() {
        @Override
        public String getHostname() {
            return null;
        }

        @Override
        public String getUser() {
            return null;
        }

        @Override
        public int getPort() {
            return -1;
        }

        @Override
        public String getValue(String key) {
            return null;
        }

        @Override
        public String[] getValues(String key) {
            return null;
        }
    };
}
