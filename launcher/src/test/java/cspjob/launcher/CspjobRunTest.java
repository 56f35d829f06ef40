package cspjob.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.launcher.ranks.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cspjob run rank-test ... --hostfile H} as a user runs it ({@link LauncherJvm}): the
 * launcher in a JVM of its own, a real node agent, real worker JVMs, and no JVM left after.
 */
@Tag("multi-jvm")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CspjobRunTest {
    private static final Duration LIMIT = LauncherJvm.LIMIT;
    private static final Pattern SLEEPER = Pattern.compile("\\[rank (\\d) localhost\\] sleeping in rank \\1 pid (\\d+)");
    private LauncherJvm run;
    private Output out;
    private Output err;
    private Process launcher;

    @TempDir
    Path dir;

    @BeforeEach
    void newRun() {
        run = new LauncherJvm(dir);
        out = run.out;
        err = run.err;
    }

    private Process cspjob(String... args) throws IOException {
        return cspjobOn("# four slots on this machine\nlocalhost slots=4\n", args);
    }

    private Process cspjobOn(String hostfileText, String... args) throws IOException {
        launcher = run.start(hostfileText, List.of(), args);
        return launcher;
    }

    private List<String> awaitNoJvmLeft() throws InterruptedException {
        return run.awaitNoJvmLeft();
    }

    private void awaitFourSleepers() throws InterruptedException {
        assertTrue(out.await(text -> SLEEPER.matcher(text).results().count() == 4, LIMIT), out.text() + err.text());
    }

    @AfterEach
    void noJvmIsLeft() throws InterruptedException {
        assertEquals(List.of(), run.stopAndListLeft(), "JVMs of the run still alive after it");
    }

    @Test
    void fourRanksReportReadyWithTheirNumbersAndTheirOutputComesBackPrefixed() throws Exception {
        assertEquals(0, cspjob("hello", "--verbose").waitFor(), out.text() + err.text());
        assertTrue(err.text().contains("cspjob run rank-test: 4 ranks, blocked, one JVM per core, on 1 node, 4 slots from hostfile "), err.text());
        assertTrue(err.text().contains("cspjob run rank-test: 4 ranks ready "), err.text());
        for (int rank = 0; rank < 4; rank++) {
            assertTrue(out.lines().contains("[rank " + rank + " localhost] hello from rank " + rank + " of 4 on localhost"), out.text());
        }
        assertTrue(out.lines().contains("ranks [0, 1, 2, 3]"), out.text());
        assertEquals(List.of(), awaitNoJvmLeft());
    }

    @Test
    void stridedPlacementWithOneJvmPerNodePutsEveryProcessOnTheOneRank() throws Exception {
        assertEquals(0, cspjob("hello", "--placement", "strided", "--jvm-per", "node").waitFor(), out.text() + err.text());
        assertTrue(out.lines().contains("ranks [0, 0, 0, 0]"), out.text());
        assertEquals(4, out.lines().stream().filter(line -> line.equals("[rank 0 localhost] hello from rank 0 of 1 on localhost")).count(),
                out.text());
    }

    @Test
    void killingOneRankWithSignal9EndsTheJobWithItsCodeAndAMessageNamingIt() throws Exception {
        cspjob("wait");
        awaitFourSleepers();
        Matcher rank2 = SLEEPER.matcher(out.text());
        long pid = 0;
        while (rank2.find()) {
            if (rank2.group(1).equals("2")) {
                pid = Long.parseLong(rank2.group(2));
            }
        }
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertEquals(137, launcher.waitFor(), err.text());
        assertTrue(err.text().contains("cspjob run rank-test: rank 2 on localhost was killed by signal 9 (exit code 137) while the job ran;"
                + " stopping every rank"), err.text());
        assertEquals(List.of(), awaitNoJvmLeft());
    }

    @Test
    void sigtermToTheLauncherLeavesNoRankJvm() throws Exception {
        cspjob("wait");
        awaitFourSleepers();
        launcher.destroy();
        launcher.waitFor();
        assertEquals(List.of(), awaitNoJvmLeft());
    }

    @Test
    void sigkillToTheLauncherLeavesNoRankJvmEither() throws Exception {
        cspjob("wait");
        awaitFourSleepers();
        launcher.destroyForcibly();
        launcher.waitFor();
        assertEquals(List.of(), awaitNoJvmLeft(), "agents see their stdin end and stop their ranks");
    }

    @Test
    void aNodeThatCannotBeReachedIsNamedAndNothingStarts() throws Exception {
        assertEquals(3, cspjobOn("localhost slots=2\nno-such-node.invalid slots=2\n", "hello", "--ssh-connect-timeout", "5").waitFor(),
                out.text() + err.text());
        assertTrue(err.text().contains("1 of 1 node cannot be reached over SSH; nothing was started") && err.text().contains("no-such-node.invalid"),
                err.text());
        assertTrue(!out.text().contains("[rank"), "no rank ran: " + out.text());
    }

    @Test
    void moreCoresThanTheHostfileHoldsIsAnErrorNamingIt() throws Exception {
        assertEquals(2, cspjob("hello", "--cores", "5").waitFor());
        assertTrue(err.text().contains("--cores 5 asks for more slots than hostfile ") && err.text().contains("4 slots on 1 node"), err.text());
    }
}
