package cspjob.jobs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.launcher.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cspjob run` finds the bundled jobs, runs them, and refuses bad input with exit code 2. */
class CommandLineTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run cspjob(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void commstimeRunsAndReportsTimePerCommunication(@TempDir Path temp) {
        Path folder = temp.resolve("commstime-run");
        Run run = cspjob("run", "commstime", "--iterations", "2000", "--runs", "2", "--kind", "thread", "--out", folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("best:") && run.out().contains("ns per communication"), run.out());
        cspjob.results.Run recorded = cspjob.results.Run.read(folder);
        assertEquals(2, recorded.summary().series("ns per communication").points().size());
        assertEquals(2, recorded.latencies().get("ns-per-communication").getTotalCount());
        assertEquals(Map.of("iterations", "2000", "runs", "2", "kind", "thread"), recorded.summary().parameters());
    }

    @Test
    void commstimeRefusesAnOutFolderThatHoldsARun(@TempDir Path temp) {
        Path folder = temp.resolve("commstime-run");
        assertEquals(0, cspjob("run", "commstime", "--iterations", "100", "--runs", "1", "--out", folder.toString()).exitCode());
        Run again = cspjob("run", "commstime", "--iterations", "100", "--runs", "1", "--out", folder.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains(folder + ": already holds a run"), again.err());
    }

    @Test
    void reportReadsTheRunsCommstimeWrote(@TempDir Path temp) {
        Path folder = temp.resolve("commstime-run");
        assertEquals(0, cspjob("run", "commstime", "--iterations", "100", "--runs", "3", "--out", folder.toString()).exitCode());
        Run report = cspjob("report", "--charts", temp.resolve("charts").toString(), folder.toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("ns-per-communication") && report.out().contains("p99.9"), report.out());
        assertTrue(Files.isRegularFile(temp.resolve("charts/commstime-ns-per-communication-against-run.svg")), report.out());
    }

    @Test
    void ringRunsAndReportsHopsPerSecond() {
        java.nio.file.Path folder = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "cspjob-ring-" + System.nanoTime());
        Run run = cspjob("run", "ring", "--elements", "50", "--tokens", "5", "--hops", "5000", "--runs", "1", "--out", folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5,000 hops in") && run.out().contains("best:"), run.out());
        String summary = assertDoesNotThrow(() -> java.nio.file.Files.readString(folder.resolve("summary.txt")));
        assertTrue(summary.contains("parameter tokens: 5") && summary.contains("best hops/s"), summary);
    }

    @Test
    void ringRefusesMoreTokensThanElementsAndClusterWithoutRanks() {
        Run tokens = cspjob("run", "ring", "--elements", "4", "--tokens", "5");
        assertEquals(2, tokens.exitCode());
        assertTrue(tokens.err().contains("--tokens must be from 1 to the number of elements (4)"), tokens.err());
        Run cluster = cspjob("run", "ring", "--kind", "cluster");
        assertEquals(2, cluster.exitCode());
        assertTrue(cluster.err().contains("--cores"), cluster.err());
    }

    @Test
    void anUnknownJobIsNamedWithTheJobsThatExist() {
        Run run = cspjob("run", "no-such-job");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown job 'no-such-job'") && run.err().contains("commstime"), run.err());
    }

    @Test
    void aBadJobOptionGivesUsageAndExitCode2() {
        Run run = cspjob("run", "commstime", "--iterations", "lots");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--iterations") && run.err().contains("Usage"), run.err());
    }

    @Test
    void jobsListsTheBundledJobs() {
        Run run = cspjob("jobs");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("commstime"), run.out());
    }
}
