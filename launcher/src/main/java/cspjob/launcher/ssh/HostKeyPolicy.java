package cspjob.launcher.ssh;

import java.util.Locale;

/**
 * What to do with a node whose host key is not in known_hosts. A key that differs from the one
 * known_hosts holds for that node is refused under every policy: it may mean that someone is
 * between this machine and the node.
 */
public enum HostKeyPolicy {
    /** An unknown node is refused (OpenSSH's {@code StrictHostKeyChecking yes}). */
    STRICT,
    /** An unknown node's key is trusted and added to known_hosts (OpenSSH's {@code accept-new}). */
    ACCEPT_NEW;

    /** The name used on the command line: {@code strict} or {@code accept-new}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code strict} or {@code accept-new} (any case). */
    public static HostKeyPolicy parse(String name) {
        for (HostKeyPolicy policy : values()) {
            if (policy.optionName().equalsIgnoreCase(name.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("host key policy '" + name + "' is not one of: strict, accept-new");
    }
}
