package cspjob.jobs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Slurm on this machine, started and stopped by {@code bin/slurm-local}, and
 * its commands ({@code qsub}, {@code sbatch}, {@code scontrol}) run against it. Needs root.
 */
final class LocalSlurm {
    /** Maven runs the tests in jobs/: the installation is the folder above. */
    static final Path HOME = Path.of("").toAbsolutePath().getParent();
    static final Path STATE = Path.of("/tmp/cspjob-slurm");
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
            "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED");

    record Result(int exitCode, String output) {
    }

    private LocalSlurm() {
    }

    /** {@code bin/slurm-local up}: installs Slurm when missing (apt-get), starts it, waits for an idle node. */
    static LocalSlurm up() throws IOException, InterruptedException {
        Result up = run(HOME, Duration.ofMinutes(9), HOME.resolve("bin/slurm-local").toString(), "up");
        if (up.exitCode() != 0) {
            fail("bin/slurm-local up failed (exit " + up.exitCode() + "):\n" + up.output());
        }
        return new LocalSlurm();
    }

    /** The pids of munged, slurmctld and slurmd, from their pid files. */
    static List<Long> daemonPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (Path file : List.of(STATE.resolve("munge/munged.pid"), STATE.resolve("slurmctld.pid"), STATE.resolve("slurmd.pid"))) {
            if (Files.exists(file)) {
                pids.add(Long.parseLong(Files.readString(file).strip()));
            }
        }
        return pids;
    }

    /** The node's name as Slurm knows it. */
    String nodeName() throws IOException, InterruptedException {
        return command(HOME, "sinfo", "-h", "-o", "%N").strip();
    }

    /** Submits with {@code qsub} or {@code sbatch} from {@code dir}; returns the job id. */
    String submit(Path dir, String... command) throws IOException, InterruptedException {
        String output = command(dir, command).strip();
        String last = output.substring(output.lastIndexOf(' ') + 1);
        if (!last.matches("\\d+")) {
            fail(String.join(" ", command) + " printed no job id:\n" + output);
        }
        return last;
    }

    /** Waits until the job has ended; returns its fields from {@code scontrol show job}. */
    Map<String, String> awaitEnd(String jobId, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, String> job = Map.of();
        while (System.nanoTime() < deadline) {
            job = fields(command(HOME, "scontrol", "show", "job", "-o", jobId));
            if (ENDED.contains(job.get("JobState"))) {
                return job;
            }
            Thread.sleep(200);
        }
        fail("job " + jobId + " did not end within " + limit.toSeconds() + " s; scontrol shows " + job
                + "\nslurmctld.log ends:\n" + tail(STATE.resolve("slurmctld.log")) + "\nslurmd.log ends:\n" + tail(STATE.resolve("slurmd.log")));
        return job;
    }

    /** {@code bin/slurm-local down}: cancels the jobs, stops the daemons, removes the state folder. */
    void down() throws IOException, InterruptedException {
        Result down = run(HOME, Duration.ofMinutes(1), HOME.resolve("bin/slurm-local").toString(), "down");
        if (down.exitCode() != 0) {
            fail("bin/slurm-local down failed (exit " + down.exitCode() + "):\n" + down.output());
        }
    }

    private static Map<String, String> fields(String oneLine) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : oneLine.strip().split(" ")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                fields.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return fields;
    }

    private static String command(Path dir, String... command) throws IOException, InterruptedException {
        Result result = run(dir, Duration.ofSeconds(60), command);
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " failed (exit " + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }

    /** Runs a command with this Slurm's SLURM_CONF; a command still running after {@code limit} is killed and fails the test. */
    static Result run(Path dir, Duration limit, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("SLURM_CONF", STATE.resolve("slurm.conf").toString());
        Path log = Files.createTempFile("cspjob-slurm-command", ".log");
        try {
            Process process = builder.redirectOutput(log.toFile()).start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " did not end within " + limit.toSeconds() + " s:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(no " + file + ")";
        }
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
