package cspjob.launcher.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.launcher.LauncherJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cspjob run} over 3 test hosts x 2 ranks: node agents started over real SSH, ranks that
 * connect back to the launcher at {@code cspjob-root}, and no JVM left on any host.
 */
@Tag("multi-host")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterRunTest {
    private static final String HOSTFILE = "cspjob-h1 slots=2\ncspjob-h2 slots=2\ncspjob-h3 slots=2\n";
    private static final List<String> ENVIRONMENT = List.of("CSPJOB_ADVERTISE=cspjob-root", "RANK_TEST_SLOTS=6");
    private static final Pattern SLEEPER = Pattern.compile("\\[rank (\\d) (cspjob-h\\d)\\] sleeping in rank \\1 pid (\\d+)");
    private LauncherJvm run;

    @TempDir
    Path dir;

    @BeforeAll
    static void hosts() {
        TestHosts.up(3);
    }

    @AfterAll
    static void noHosts() {
        TestHosts.down();
    }

    @BeforeEach
    void newRun() {
        run = new LauncherJvm(dir);
    }

    @AfterEach
    void noJvmIsLeftOnAnyHost() throws InterruptedException {
        assertEquals(List.of(), run.stopAndListLeft(), "JVMs of the run still alive after it");
    }

    private Process cspjob(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--placement", "strided", "--ssh-user", "root", "--ssh-key", TestHosts.DIR.resolve("id_ed25519").toString(),
                "--known-hosts", TestHosts.DIR.resolve("known_hosts").toString()));
        return run.start(HOSTFILE, ENVIRONMENT, all.toArray(String[]::new));
    }

    @Test
    void sixRanksOnThreeHostsPlacedStridedSayHelloFromWhereTheyRun() throws Exception {
        assertEquals(0, cspjob("hello").waitFor(), run.out.text() + run.err.text());
        // Strided ranks: 0 h1, 1 h2, 2 h3, 3 h1, 4 h2, 5 h3; slots pinned in node order: h1 h1 h2 h2 h3 h3.
        assertTrue(run.out.lines().contains("ranks [0, 3, 1, 4, 2, 5]"), run.out.text());
        for (int rank = 0; rank < 6; rank++) {
            String host = "cspjob-h" + (rank % 3 + 1);
            assertTrue(run.out.lines().contains("[rank " + rank + " " + host + "] hello from rank " + rank + " of 6 on " + host), run.out.text());
        }
    }

    @Test
    void killingARankOnOneHostEndsTheJobNamingRankAndHost() throws Exception {
        cspjob("wait");
        assertTrue(run.out.await(text -> SLEEPER.matcher(text).results().count() == 6, LauncherJvm.LIMIT), run.out.text() + run.err.text());
        Matcher sleeper = SLEEPER.matcher(run.out.text());
        long pid = 0;
        while (sleeper.find()) {
            if (sleeper.group(1).equals("4")) {
                assertEquals("cspjob-h2", sleeper.group(2));
                pid = Long.parseLong(sleeper.group(3));
            }
        }
        assertEquals(0, TestHosts.exec("cspjob-h2", "kill", "-9", Long.toString(pid)).status());
        assertEquals(137, run.process().waitFor(), run.err.text());
        assertTrue(run.err.text().contains("rank 4 on cspjob-h2 was killed by signal 9 (exit code 137)"), run.err.text());
        assertEquals(List.of(), run.awaitNoJvmLeft());
    }
}
