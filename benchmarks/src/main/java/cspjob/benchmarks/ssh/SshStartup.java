package cspjob.benchmarks.ssh;

import cspjob.launcher.node.NodeProcess;
import cspjob.launcher.ssh.HostKeyPolicy;
import cspjob.launcher.ssh.Preflight;
import cspjob.launcher.ssh.SshNodes;
import cspjob.launcher.ssh.SshSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Time to reach N hosts over SSH and run {@code java -version} on each, all at once: cspjob's
 * JSch sessions ({@link SshNodes}: connect and log in to every host, then one exec channel each)
 * against the OpenSSH client ({@code ssh} per host, in parallel), with local {@code java -version}
 * processes as the floor, in the same run. {@code bin/bench-ssh} brings up the test hosts and
 * runs this.
 *
 * <pre>
 *   SshStartup TESTHOSTS_DIR JAVA [--rounds N] HOST...
 * </pre>
 *
 * The first round of JSch is reported alone: a {@code cspjob run} JVM always pays that one (class
 * loading, a cold JIT); the others show the steady cost.
 */
public final class SshStartup {
    private SshStartup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SshStartup TESTHOSTS_DIR JAVA [--rounds N] HOST...");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String java = args[1];
        int rounds = 10;
        List<String> hosts = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        if (hosts.get(0).equals("--rounds")) {
            rounds = Integer.parseInt(hosts.get(1));
            hosts = hosts.subList(2, hosts.size());
        }
        SshSettings settings = new SshSettings(Optional.of("root"), OptionalInt.empty(), List.of(dir.resolve("id_ed25519")),
                dir.resolve("known_hosts"), HostKeyPolicy.STRICT, Optional.empty(), SshSettings.DEFAULT_CONNECT_TIMEOUT,
                SshSettings.DEFAULT_ALIVE_INTERVAL, SshSettings.DEFAULT_ALIVE_COUNT_MAX);
        List<String> sshConfig = List.of("ssh", "-F", dir.resolve("ssh_config").toString());

        String loadBefore = loadAverage();
        long[] jschCold = jsch(settings, hosts, java);
        long[] jschConnect = new long[rounds];
        long[] jschTotal = new long[rounds];
        long[] openssh = new long[rounds];
        long[] local = new long[rounds];
        for (int round = 0; round < rounds; round++) {   // interleaved, so that load on the machine hits all alike
            long[] connectAndTotal = jsch(settings, hosts, java);
            jschConnect[round] = connectAndTotal[1];
            jschTotal[round] = connectAndTotal[0];
            openssh[round] = processes(hosts.stream().map(host -> concat(sshConfig, host, java, "-version")).toList());
            local[round] = processes(hosts.stream().map(host -> List.of(java, "-version")).toList());
        }
        System.out.printf("SSH start-up: %d hosts (%s), java -version on each at once; median (min) of %d rounds, ms;"
                + " load average before: %s, after: %s%n", hosts.size(), String.join(" ", hosts), rounds, loadBefore, loadAverage());
        System.out.printf("| %-58s | %14s |%n", "what", "ms");
        System.out.printf("| %-58s | %14s |%n", "-".repeat(58), "-".repeat(14));
        row("cspjob JSch, first in this JVM: connect + log in", new long[] {jschCold[1]});
        row("cspjob JSch, first in this JVM: all (what cspjob run pays)", new long[] {jschCold[0]});
        row("cspjob JSch: connect + log in to all", jschConnect);
        row("cspjob JSch: connect, log in, run java -version", jschTotal);
        row("peer: ssh client per host, in parallel", openssh);
        row("floor: local java -version, in parallel", local);
        System.out.printf("ratio JSch / ssh client (medians): %.2f; JSch first / ssh client: %.2f%n",
                (double) median(jschTotal) / median(openssh), (double) jschCold[0] / median(openssh));
    }

    /** {total, connect} in nanoseconds: open sessions to every host, run java -version on each, close. */
    private static long[] jsch(SshSettings settings, List<String> hosts, String java) throws Exception {
        long start = System.nanoTime();
        try (SshNodes nodes = new SshNodes(settings)) {
            Preflight check = nodes.connectAll(hosts);
            if (!check.ok()) {
                throw new IllegalStateException(String.join("\n", check.report()));
            }
            long connected = System.nanoTime();
            List<NodeProcess> processes = new ArrayList<>();
            for (String host : hosts) {
                processes.add(nodes.start(host, List.of(java, "-version")));
            }
            for (NodeProcess process : processes) {
                drain(process.stdout());
                drain(process.stderr());
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("java -version failed on " + process.host());
                }
            }
            return new long[] {System.nanoTime() - start, connected - start};
        }
    }

    /** Starts every command at once and waits for all; nanoseconds. */
    private static long processes(List<List<String>> commands) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> exits = new ArrayList<>();
            for (List<String> command : commands) {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                exits.add(waiters.submit(() -> {
                    drain(process.getInputStream());
                    return process.waitFor();
                }));
            }
            for (int i = 0; i < exits.size(); i++) {
                if (exits.get(i).get() != 0) {
                    throw new IllegalStateException("failed: " + String.join(" ", commands.get(i)));
                }
            }
        }
        return System.nanoTime() - start;
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static void row(String what, long[] nanos) {
        String value = nanos.length == 1 ? String.format("%.0f", nanos[0] / 1e6)
                : String.format("%.0f (%.0f)", median(nanos) / 1e6, Arrays.stream(nanos).min().orElseThrow() / 1e6);
        System.out.printf("| %-58s | %14s |%n", what, value);
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
