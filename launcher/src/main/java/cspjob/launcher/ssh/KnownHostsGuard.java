package cspjob.launcher.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The known_hosts file as every SSH session of a job sees it: one in-memory copy shared by all
 * sessions (so that keys added at once by parallel connections are all written), with the
 * {@link HostKeyPolicy} applied.
 *
 * <p>JSch itself runs with {@code StrictHostKeyChecking yes}; under {@code accept-new} this
 * repository adds an unknown key before JSch sees it, and reports it as known. It never does so
 * for a changed key: JSch then refuses the node. (JSch's own {@code StrictHostKeyChecking no}
 * would let a changed key through silently.) It also remembers the key each host offered, for the
 * messages that tell the user what to add or remove.
 */
final class KnownHostsGuard implements HostKeyRepository {
    private final HostKeyRepository file;
    private final Path path;
    private final HostKeyPolicy policy;
    private final Map<String, HostKey> offered = new ConcurrentHashMap<>();

    KnownHostsGuard(Path path, HostKeyPolicy policy) {
        this.path = path;
        this.policy = policy;
        JSch reader = new JSch();
        try {
            reader.setKnownHosts(path.toString());  // a file that does not exist yet reads as empty
        } catch (JSchException e) {
            throw new IllegalArgumentException("cannot read the known hosts file " + path + ": " + e.getMessage()
                    + "; fix or move it, or name another with --known-hosts", e);
        }
        this.file = reader.getHostKeyRepository();
    }

    Path path() {
        return path;
    }

    HostKeyPolicy policy() {
        return policy;
    }

    /** The key {@code host} offered in its last handshake (as known_hosts names it: {@code [host]:port} off port 22). */
    Optional<HostKey> offeredBy(String host) {
        return Optional.ofNullable(offered.get(host));
    }

    /** The known_hosts line that would trust this key. */
    static String line(HostKey key) {
        return key.getHost() + " " + key.getType() + " " + key.getKey();
    }

    /** The 1-based numbers of the lines of the file that hold a key for {@code host} (to remove or check). */
    List<Integer> linesFor(String host) {
        HostKey[] keys;
        synchronized (this) {
            keys = file.getHostKey(host, null);
        }
        if (keys == null || keys.length == 0 || !Files.isReadable(path)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(path);
            return IntStream.range(0, lines.size())
                    .filter(i -> namesHost(lines.get(i), host) && Arrays.stream(keys).anyMatch(k -> lines.get(i).contains(k.getKey())))
                    .mapToObj(i -> i + 1).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    // The line's host field lists the host, or is hashed (|1|...: then the key alone must tell).
    private static boolean namesHost(String line, String host) {
        String[] fields = line.strip().split("\\s+");
        String hosts = fields.length > 0 && fields[0].startsWith("@") && fields.length > 1 ? fields[1] : fields[0];
        return hosts.startsWith("|1|") || Arrays.asList(hosts.split(",")).contains(host);
    }

    @Override
    public int check(String host, byte[] key) {
        try {
            offered.put(host, new HostKey(host, key));
        } catch (JSchException unknownKeyType) {
            // JSch refuses such a key itself; nothing to remember.
        }
        int found = file.check(host, key);
        if (found == NOT_INCLUDED && policy == HostKeyPolicy.ACCEPT_NEW) {
            HostKey accepted = offered.get(host);
            if (accepted != null) {
                ensureFileExists();
                file.add(accepted, null);
                return OK;
            }
        }
        return found;
    }

    // JSch only writes to a known_hosts file that exists (else it would ask through a UserInfo).
    private void ensureFileExists() {
        if (Files.exists(path)) {
            return;
        }
        try {
            Path folder = path.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the known hosts file " + path + " to add a new host key: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        file.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        file.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        file.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return file.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return file.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return file.getHostKey(host, type);
    }
}
