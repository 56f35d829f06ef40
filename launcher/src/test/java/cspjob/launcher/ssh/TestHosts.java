package cspjob.launcher.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The test hosts of {@code bin/testhosts} (network namespaces with their own address, hostname and
 * sshd) for one test class: {@link #up} in {@code @BeforeAll}, {@link #down} in {@code @AfterAll}.
 * Needs root; fails with a message that says so, or with the script's own message when the
 * namespaces cannot be made.
 */
final class TestHosts {
    private static final Path SCRIPT = findScript();
    static final Path DIR = Path.of(Optional.ofNullable(System.getenv("CSPJOB_TESTHOSTS_DIR")).orElse("/tmp/cspjob-testhosts"));

    private TestHosts() {
    }

    /** Creates cspjob-h1 .. cspjob-hN; the hosts in {@code withoutSshd} get no sshd. */
    static void up(int count, String... withoutSshd) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the multi-host tests need root (bin/testhosts makes network namespaces "
                    + "and edits /etc/hosts); run them as root, or skip them with bin/test --fast");
        }
        List<String> command = new ArrayList<>(List.of("up", String.valueOf(count)));
        for (String name : withoutSshd) {
            command.add("--no-sshd");
            command.add(name);
        }
        Result result = run(command.toArray(String[]::new));
        if (result.status() != 0) {
            throw new IllegalStateException("bin/testhosts " + String.join(" ", command) + " failed (exit "
                    + result.status() + "), so the test hosts could not be made:\n" + result.output());
        }
    }

    static void down() {
        Result result = run("down");
        if (result.status() != 0) {
            throw new IllegalStateException("bin/testhosts down failed:\n" + result.output());
        }
    }

    static void cut(String host) {
        require(run("cut", host), "cut " + host);
    }

    static void heal(String host) {
        require(run("heal", host), "heal " + host);
    }

    /** Runs a command inside a host (its network and hostname). */
    static Result exec(String host, String... command) {
        List<String> words = new ArrayList<>(List.of("exec", host));
        words.addAll(List.of(command));
        return run(words.toArray(String[]::new));
    }

    /** Settings that reach the test hosts: user root, the test key, their known_hosts, strict, no SSH config. */
    static SshSettings settings() {
        return new SshSettings(Optional.of("root"), OptionalInt.empty(), List.of(DIR.resolve("id_ed25519")),
                DIR.resolve("known_hosts"), HostKeyPolicy.STRICT, Optional.empty(),
                Duration.ofSeconds(10), SshSettings.DEFAULT_ALIVE_INTERVAL, SshSettings.DEFAULT_ALIVE_COUNT_MAX);
    }

    /** The repository's bin folder (tests run in the module's folder). */
    static Path bin() {
        return SCRIPT.getParent();
    }

    record Result(int status, String output) {
    }

    static Result run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bin/testhosts " + String.join(" ", arguments) + " did not end in 120 s");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + SCRIPT + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running bin/testhosts", e);
        }
    }

    private static void require(Result result, String what) {
        if (result.status() != 0) {
            throw new IllegalStateException("bin/testhosts " + what + " failed:\n" + result.output());
        }
    }

    private static Path findScript() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path script = folder.resolve("bin/testhosts");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        throw new IllegalStateException("cannot find bin/testhosts above " + Path.of("").toAbsolutePath());
    }
}
