package cspjob.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.launcher.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
    void commstimeRunsAndReportsTimePerCommunication() {
        Run run = cspjob("run", "commstime", "--iterations", "2000", "--runs", "2", "--kind", "thread");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("best:") && run.out().contains("ns per communication"), run.out());
    }

    @Test
    void ringRunsAndReportsHopsPerSecond() {
        Run run = cspjob("run", "ring", "--elements", "50", "--tokens", "5", "--hops", "5000", "--runs", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5,000 hops in") && run.out().contains("best:"), run.out());
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
