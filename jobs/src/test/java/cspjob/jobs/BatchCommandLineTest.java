package cspjob.jobs;

import static cspjob.jobs.CommandLineTest.cspjob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.jobs.CommandLineTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cspjob pbs` and `cspjob sbatch` write scripts for the bundled jobs and refuse bad input with exit code 2. */
class BatchCommandLineTest {

    @Test
    void pbsWritesAQsubScriptThatRunsThisInstallationsCspjob() {
        Run run = cspjob("pbs", "commstime", "--nodes", "2", "--ppn", "4", "--walltime", "0:30:00", "--iterations", "100");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("#PBS -l nodes=2:ppn=4,walltime=0:30:00\n"), run.out());
        // Maven runs this test in jobs/: this installation is the folder above, which holds bin/cspjob.
        Path cspjob = Path.of("").toAbsolutePath().getParent().resolve("bin/cspjob");
        assertTrue(run.out().contains("exec " + cspjob + " run commstime "), run.out());
        assertTrue(run.out().strip().endsWith("--iterations 100"), run.out());
    }

    @Test
    void optionsMayComeBeforeTheJobAndDoubleDashHandsTheRestToTheJob() {
        Run run = cspjob("sbatch", "--nodes", "1", "--ppn", "2", "commstime", "--walltime=1-0:00:00",
                "--queue", "short", "--", "--nodes", "it's");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("#SBATCH --nodes=1\n#SBATCH --ntasks-per-node=2\n#SBATCH --time=1-00:00:00\n"
                + "#SBATCH --partition=short\n"), run.out());
        assertTrue(run.out().strip().endsWith(" --nodes 'it'\\''s'"), run.out());
    }

    @Test
    void outputWritesAnExecutableScriptAndSaysHowToSubmitIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("commstime.sbatch");
        Run run = cspjob("sbatch", "commstime", "--nodes", "1", "--ppn", "1", "--walltime", "0:05:00", "-o", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("submit it with: sbatch " + file), run.err());
        assertTrue(Files.readString(file).contains("#SBATCH --job-name=commstime\n"));
        assertTrue(Files.isExecutable(file));
    }

    @Test
    void anUnwritableOutputIsNamedWithExitCode1(@TempDir Path dir) {
        Path file = dir.resolve("no such folder/commstime.pbs");
        Run run = cspjob("pbs", "commstime", "--nodes", "1", "--ppn", "1", "--walltime", "0:05:00", "-o", file.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("cannot write the script to " + file), run.err());
    }

    @Test
    void anUnknownJobIsNamedWithTheJobsThatExist() {
        Run run = cspjob("pbs", "no-such-job", "--nodes", "1", "--ppn", "1", "--walltime", "0:05:00");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown job 'no-such-job'") && run.err().contains("commstime"), run.err());
    }

    @Test
    void missingOptionsAreAllNamed() {
        Run run = cspjob("sbatch", "commstime", "--nodes", "2");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("missing --ppn P, --walltime T"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        Run walltime = cspjob("pbs", "commstime", "--nodes", "1", "--ppn", "1", "--walltime", "90");
        assertEquals(2, walltime.exitCode());
        assertTrue(walltime.err().contains("walltime '90'") && walltime.err().contains("hours:minutes:seconds"), walltime.err());
        Run nodes = cspjob("pbs", "commstime", "--nodes", "0", "--ppn", "1", "--walltime", "0:05:00");
        assertEquals(2, nodes.exitCode());
        assertTrue(nodes.err().contains("--nodes must be at least 1"), nodes.err());
        Run ppn = cspjob("pbs", "commstime", "--nodes", "1", "--ppn", "many", "--walltime", "0:05:00");
        assertEquals(2, ppn.exitCode());
        assertTrue(ppn.err().contains("--ppn") && ppn.err().contains("many"), ppn.err());
        Run twice = cspjob("pbs", "--nodes", "1", "commstime", "--nodes", "2", "--ppn", "1", "--walltime", "0:05:00");
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("--nodes is given twice"), twice.err());
        Run cspjobPath = cspjob("pbs", "commstime", "--nodes", "1", "--ppn", "1", "--walltime", "0:05:00", "--cspjob", "bin/cspjob");
        assertEquals(2, cspjobPath.exitCode());
        assertTrue(cspjobPath.err().contains("must be absolute"), cspjobPath.err());
    }

    @Test
    void helpAfterTheJobShowsTheCommandsUsage() {
        Run run = cspjob("pbs", "commstime", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("--walltime") && run.out().contains("--ppn"), run.out());
    }
}
