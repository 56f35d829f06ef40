package cspjob.launcher.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchRevokedHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a node could not be reached, in words a user understands, with what to do about it: what
 * {@link SshNodes#connectAll} reports for each bad node.
 *
 * @param target the node and where it was looked for
 * @param kind   what went wrong
 * @param reason one line: what happened and what to do
 */
public record ConnectFailure(SshTarget target, Kind kind, String reason) {

    /** The kinds of failure, most specific first. */
    public enum Kind {
        NAME_DOES_NOT_RESOLVE, CONNECTION_REFUSED, TIMED_OUT, NO_ROUTE, AUTHENTICATION_FAILED,
        HOST_KEY_UNKNOWN, HOST_KEY_CHANGED, HOST_KEY_REVOKED, OTHER
    }

    /** {@code node: reason}, the line printed for this node. */
    public String line() {
        return target.node() + ": " + reason;
    }

    /** Explains {@code failure}, which connecting to {@code target} threw. */
    static ConnectFailure explain(SshTarget target, Throwable failure, KnownHostsGuard knownHosts,
                                  List<Path> encryptedKeys, long timeoutSeconds) {
        String where = target.hostname() + " port " + target.port();
        String knownHost = target.port() == 22 ? target.hostname() : "[" + target.hostname() + "]:" + target.port();
        if (failure instanceof JSchUnknownHostKeyException) {
            HostKey key = knownHosts.offeredBy(knownHost).orElse(null);
            return new ConnectFailure(target, Kind.HOST_KEY_UNKNOWN, "host key unknown: " + knownHosts.path()
                    + " has no key for " + knownHost + " and the host key policy is strict; "
                    + (key == null ? "add its key to that file (ssh-keyscan -p " + target.port() + " " + target.hostname() + ")"
                    : "after checking with the node's admin that its key fingerprint is " + fingerprint(key)
                    + ", add this line to that file: " + KnownHostsGuard.line(key))
                    + " (or run once with --host-key-policy accept-new to add it)");
        }
        if (failure instanceof JSchChangedHostKeyException) {
            HostKey key = knownHosts.offeredBy(knownHost).orElse(null);
            List<Integer> lines = knownHosts.linesFor(knownHost);
            return new ConnectFailure(target, Kind.HOST_KEY_CHANGED, "HOST KEY CHANGED: " + knownHost + " offered "
                    + (key == null ? "a key" : key.getType() + " " + fingerprint(key)) + ", not the one in "
                    + knownHosts.path() + (lines.isEmpty() ? "" : " line " + joined(lines))
                    + "; someone may be intercepting the connection (possible attack), or the node was reinstalled; "
                    + "refused under every host key policy. Only if its admin confirms the new key: ssh-keygen -R '"
                    + knownHost + "' -f " + knownHosts.path());
        }
        if (failure instanceof JSchRevokedHostKeyException) {
            return new ConnectFailure(target, Kind.HOST_KEY_REVOKED, "its host key is marked @revoked in "
                    + knownHosts.path() + "; refused (ask the node's admin)");
        }
        Throwable cause = rootCause(failure);
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof UnknownHostException) {
            return new ConnectFailure(target, Kind.NAME_DOES_NOT_RESOLVE, "the name " + target.hostname()
                    + " does not resolve (not in DNS or /etc/hosts); check its spelling in the node list"
                    + " or the HostName in the SSH config");
        }
        if (cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains("refused")) {
            return new ConnectFailure(target, Kind.CONNECTION_REFUSED, "connection refused by " + where
                    + ": no sshd listening there? Start sshd on the node, or give the right port (--ssh-port, Port in the SSH config)");
        }
        if (cause instanceof NoRouteToHostException) {
            return new ConnectFailure(target, Kind.NO_ROUTE, "no route to " + where
                    + ": the host is down or its network is unreachable from here");
        }
        if (cause instanceof SocketTimeoutException || message.contains("timeout") || message.contains("timed out")) {
            return new ConnectFailure(target, Kind.TIMED_OUT, "timed out after " + timeoutSeconds + " s connecting to "
                    + where + ": the host is down or the link to it is cut (--ssh-connect-timeout waits longer)");
        }
        if (message.contains("auth fail") || message.contains("auth cancel")) {
            return new ConnectFailure(target, Kind.AUTHENTICATION_FAILED, authenticationReason(target, encryptedKeys));
        }
        if (message.contains("algorithm negotiation fail")) {
            return new ConnectFailure(target, Kind.OTHER, "the SSH server at " + where + " and cspjob (JSch) share no "
                    + "algorithm: " + failure.getMessage() + "; the server needs a current OpenSSH algorithm set");
        }
        return new ConnectFailure(target, Kind.OTHER, "could not connect to " + where + ": " + failure.getMessage());
    }

    private static String authenticationReason(SshTarget target, List<Path> encryptedKeys) {
        if (target.keys().isEmpty()) {
            return "authentication failed for user " + target.user() + ": no key file to log in with (looked for "
                    + SshSettings.DEFAULT_KEY_NAMES.stream().map(name -> "~/.ssh/" + name).collect(Collectors.joining(", "))
                    + "); make one with ssh-keygen, or name one with --ssh-key";
        }
        String tried = target.keys().stream()
                .map(key -> key + (encryptedKeys.contains(key) ? " (passphrase-protected: cspjob cannot ask for the passphrase)" : ""))
                .collect(Collectors.joining(", "));
        return "authentication failed for user " + target.user() + " with key files " + tried
                + "; add one of their public keys to ~" + target.user() + "/.ssh/authorized_keys on " + target.hostname()
                + ", or name the right key with --ssh-key (or the right user with --ssh-user)";
    }

    private static String fingerprint(HostKey key) {
        return key.getFingerPrint(new JSch());
    }

    private static String joined(List<Integer> lines) {
        return lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
