package cspjob.jobs;

import static cspjob.jobs.CommandLineTest.cspjob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cspjob.batch.ShellWords;
import cspjob.jobs.CommandLineTest.Run;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch path for real: a local Slurm ({@code bin/slurm-local}), scripts written by
 * {@code cspjob pbs} and {@code cspjob sbatch} for commstime, submitted with Slurm's {@code qsub}
 * wrapper and with {@code sbatch}; each must run commstime in the submit directory and leave its
 * output there. Needs root (slurmd); installs Slurm with apt-get when it is missing.
 */
@Tag("slurm")
@Tag("slow")
class SlurmBatchTest {
    private static final Duration JOB_LIMIT = Duration.ofMinutes(3);
    private static final String[] COMMSTIME = {"--iterations", "2000", "--runs", "2", "--kind", "thread"};

    @TempDir
    static Path work;
    private static LocalSlurm slurm;
    private static List<Long> daemons = List.of();
    private static Path cspjob;

    @BeforeAll
    static void startSlurm() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the local Slurm needs root (slurmd runs jobs as their user)");
        slurm = LocalSlurm.up();
        daemons = LocalSlurm.daemonPids();
        assertEquals(3, daemons.size(), "munged, slurmctld and slurmd pid files");
        cspjob = cspjobOfThisBuild();
    }

    @AfterAll
    static void stopSlurm() throws Exception {
        if (slurm == null) {
            return;
        }
        slurm.down();
        for (long pid : daemons) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "Slurm daemon " + pid + " still runs after down");
        }
        assertFalse(Files.exists(LocalSlurm.STATE), LocalSlurm.STATE + " is left after down");
    }

    /**
     * bin/cspjob builds the project when its jars are missing, which they are while Maven runs
     * the tests; the job would start a second build under this one. So the scripts run a stand-in
     * for bin/cspjob given with --cspjob: the same launcher Main on this test's classpath and JVM
     * flags. The default (this installation's bin/cspjob) is checked by BatchCommandLineTest.
     */
    private static Path cspjobOfThisBuild() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("--") || flag.startsWith("-X")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "cspjob.launcher.Main"));
        Path script = work.resolve("cspjob");
        Files.writeString(script, "#!/bin/sh\nexec " + ShellWords.join(command) + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static Path write(String command, Path submitDir, String scriptName, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "commstime", "--nodes", "1", "--ppn", "2",
                "--walltime", "0:05:00", "--cspjob", cspjob.toString(), "-o", submitDir.resolve(scriptName).toString()));
        args.addAll(List.of(options));
        args.addAll(List.of(COMMSTIME));
        Run run = cspjob(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return submitDir.resolve(scriptName);
    }

    private static void assertCommstimeRanOnTheNode(Map<String, String> job, Path outputFile) throws Exception {
        assertEquals("COMPLETED", job.get("JobState"), job + "\n" + (Files.exists(outputFile) ? Files.readString(outputFile) : "no " + outputFile));
        assertEquals("0:0", job.get("ExitCode"));
        assertEquals("00:05:00", job.get("TimeLimit"), "the walltime directive");
        assertEquals("2", job.get("NumCPUs"), "the nodes x ppn directive");
        assertTrue(Files.exists(outputFile), "the job's output " + outputFile + " is missing; the folder holds "
                + Files.list(outputFile.getParent()).toList());
        String output = Files.readString(outputFile);
        assertTrue(output.contains("cspjob batch: nodes from SLURM_JOB_NODELIST: " + slurm.nodeName() + " (tasks per node: 2)"), output);
        assertTrue(output.contains("commstime: 2,000 iterations x 2 runs") && output.contains("best:"), output);
    }

    @Test
    void aQsubScriptRunsCommstimeThroughSlurmsQsubWrapper(@TempDir Path submitDir) throws Exception {
        Path script = write("pbs", submitDir, "commstime.pbs");
        String jobId = slurm.submit(submitDir, "qsub", script.getFileName().toString());
        Map<String, String> job = slurm.awaitEnd(jobId, JOB_LIMIT);
        // Slurm's qsub passes -o SCRIPT.oID on sbatch's command line, which wins over #PBS -o.
        assertCommstimeRanOnTheNode(job, submitDir.resolve("commstime.pbs.o" + jobId));
        assertEquals("commstime", job.get("JobName"), "#PBS -N");
        assertEquals(submitDir.toString(), job.get("WorkDir"));
    }

    @Test
    void anSbatchScriptRunsCommstimeInItsSubmitDirectory(@TempDir Path submitDir) throws Exception {
        Path script = write("sbatch", submitDir, "commstime.sbatch", "--queue", "local", "--name", "ct-sbatch");
        String jobId = slurm.submit(submitDir, "sbatch", script.getFileName().toString());
        Map<String, String> job = slurm.awaitEnd(jobId, JOB_LIMIT);
        assertCommstimeRanOnTheNode(job, submitDir.resolve("ct-sbatch-" + jobId + ".out"));
        assertEquals("ct-sbatch", job.get("JobName"));
        assertEquals("local", job.get("Partition"));
    }
}
