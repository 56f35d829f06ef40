package cspjob.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScriptTest {
    static final Path CSPJOB = Path.of("/opt/cspjob/bin/cspjob");

    static BatchRequest request(List<String> jobOptions, String queue, String name, Path cspjob) {
        return new BatchRequest("commstime", jobOptions, 2, 4, Walltime.parse("1:30:00"), queue, name, cspjob);
    }

    @Test
    void aPbsScriptAsksForNodesCoresTimeAndNamesItsOutputFiles() {
        String script = BatchScript.write(Scheduler.PBS, request(List.of("--runs", "3"), "batch", "ct", CSPJOB), true);
        assertTrue(script.startsWith("#!/bin/bash\n"), script);
        assertTrue(script.contains("\n#PBS -N ct\n#PBS -l nodes=2:ppn=4,walltime=1:30:00\n#PBS -q batch\n"
                + "#PBS -o ct.out\n#PBS -e ct.err\n"), script);
        assertTrue(script.contains("\nTOTAL=8 "), script);
        assertTrue(script.endsWith("\nexec /opt/cspjob/bin/cspjob run commstime --cores \"$TOTAL\" --runs 3\n"), script);
    }

    @Test
    void aSlurmScriptAsksForTheSameInSlurmsWords() {
        String script = BatchScript.write(Scheduler.SLURM, request(List.of(), "short", "ct", CSPJOB), true);
        assertTrue(script.contains("\n#SBATCH --job-name=ct\n#SBATCH --nodes=2\n#SBATCH --ntasks-per-node=4\n"
                + "#SBATCH --time=01:30:00\n#SBATCH --partition=short\n#SBATCH --output=ct-%j.out\n"), script);
        assertTrue(script.endsWith("run commstime --cores \"$TOTAL\"\n"), script);
    }

    @Test
    void noQueueLeavesNoQueueLineAndNoPlaceholderIsLeft() {
        for (Scheduler scheduler : Scheduler.values()) {
            String script = BatchScript.write(scheduler, request(List.of(), null, "ct", CSPJOB), true);
            assertFalse(script.contains("-q ") || script.contains("--partition") || script.contains("\n\n\n"), script);
            assertFalse(script.matches("(?s).*@[a-z_]+@.*"), script);
        }
    }

    @Test
    void withoutCoresInRunTheScriptSaysSoAndRunsTheJobAsIs() {
        String script = BatchScript.write(Scheduler.SLURM, request(List.of("--runs", "3"), null, "ct", CSPJOB), false);
        assertTrue(script.contains("no --cores option"), script);
        assertTrue(script.endsWith("run commstime --runs 3\n"), script);
    }

    @Test
    void badRequestsAreRefusedNamingTheOption() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new BatchRequest("commstime", List.of(), 0, 4, Walltime.parse("1:00:00"), null, "ct", CSPJOB)).getMessage();
        assertTrue(message.contains("--nodes"), message);
        message = assertThrows(IllegalArgumentException.class,
                () -> new BatchRequest("commstime", List.of(), 1, -1, Walltime.parse("1:00:00"), null, "ct", CSPJOB)).getMessage();
        assertTrue(message.contains("--ppn"), message);
        message = assertThrows(IllegalArgumentException.class,
                () -> new BatchRequest("commstime", List.of(), 65_536, 65_536, Walltime.parse("1:00:00"), null, "ct", CSPJOB)).getMessage();
        assertTrue(message.contains("more cores"), message);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> request(List.of(), "a queue", "ct", CSPJOB))
                .getMessage().contains("--queue"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> request(List.of(), null, "1st run", CSPJOB))
                .getMessage().contains("--name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> request(List.of(), null, "ct", Path.of("bin/cspjob")))
                .getMessage().contains("absolute"));
    }

    @Test
    void pbsNamesAreAtMost15Characters() {
        BatchRequest longName = request(List.of(), null, "commstime-sweep-1", CSPJOB);
        String message = assertThrows(IllegalArgumentException.class, () -> BatchScript.write(Scheduler.PBS, longName, true)).getMessage();
        assertTrue(message.contains("15"), message);
        assertTrue(BatchScript.write(Scheduler.SLURM, longName, true).contains("--job-name=commstime-sweep-1"));
        assertEquals("commstime", BatchRequest.defaultName("commstime", Scheduler.PBS));
        assertEquals("cspjob-2d-ring-", BatchRequest.defaultName("2d-ring-benchmark", Scheduler.PBS));
    }

    /**
     * The script itself, run by bash as PBS would run it, with a stand-in for bin/cspjob that
     * records its working directory and arguments: it works in the submit directory, names its node
     * file, and hands every job option over unchanged.
     */
    @Test
    void theScriptRunsCspjobInTheSubmitDirectoryWithTheOptionsUnchanged(@TempDir Path dir) throws Exception {
        Path submitDir = Files.createDirectories(dir.resolve("submit dir"));
        Path standIn = dir.resolve("cspjob stand-in");
        Files.writeString(standIn, "#!/bin/bash\npwd > \"$RECORD.pwd\"\nprintf '%s\\0' \"$@\" > \"$RECORD\"\n");
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwx------"));
        Path nodeFile = Files.writeString(dir.resolve("nodes"), "n1\nn1\nn2\n");
        Path script = Files.writeString(dir.resolve("job.pbs"),
                BatchScript.write(Scheduler.PBS, request(ShellWordsTest.AWKWARD, null, "ct", standIn), true));

        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(dir.toFile()).redirectErrorStream(true);
        bash.environment().put("PBS_O_WORKDIR", submitDir.toString());
        bash.environment().put("PBS_NODEFILE", nodeFile.toString());
        bash.environment().put("RECORD", dir.resolve("record").toString());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, output);

        assertTrue(output.contains("cspjob batch: nodes from PBS_NODEFILE: n1(2) n2(1)"), output);
        assertEquals(submitDir.toString(), Files.readString(dir.resolve("record.pwd")).strip());
        String recorded = Files.readString(dir.resolve("record"));
        List<String> words = Arrays.asList(recorded.substring(0, recorded.length() - 1).split("\0", -1));
        List<String> expected = new ArrayList<>(List.of("run", "commstime", "--cores", "8"));
        expected.addAll(ShellWordsTest.AWKWARD);
        assertEquals(expected, words);
    }
}
