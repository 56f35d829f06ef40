package cspjob.launcher.ranks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.launcher.node.JavaCommand;
import cspjob.launcher.node.NodeStarters;
import cspjob.launcher.nodes.Node;
import cspjob.launcher.nodes.NodeList;
import cspjob.launcher.placement.PlacementScheme;
import cspjob.launcher.placement.Rank;
import cspjob.launcher.placement.RankLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ranks started by a real node agent on this machine: real JVMs, real pipes, real signals. */
@Tag("multi-jvm")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RankSetTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern PID = Pattern.compile("\\[rank (\\d+) localhost\\] rank \\d+ pid (\\d+)");
    private final List<Rank> ranks = RankLayout.perCore(NodeList.of("test", List.of(new Node("localhost", 4))), PlacementScheme.BLOCKED);
    private final String secret = "s3cret-" + UUID.randomUUID();
    private final Output out = new Output();
    private final Output err = new Output();
    private RankSet set;

    private RankCommand echo(Rank rank, String... args) {
        return new RankCommand(JavaCommand.of(EchoRank.class.getName(), List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"), List.of(args)),
                Map.of("CSPJOB_RANK", Integer.toString(rank.rank()), "TEST_SECRET", secret));
    }

    private RankSet start(java.util.function.Function<Rank, RankCommand> commands) {
        set = RankSet.start(ranks, commands, NodeStarters.choose(NodeStarters.NO_REMOTE), out.stream, err.stream);
        return set;
    }

    /** The pid of every rank, from the lines they printed. */
    private Map<Integer, Long> pids() throws InterruptedException {
        assertTrue(out.await(text -> PID.matcher(text).results().count() == ranks.size(), LIMIT), out.text() + err.text());
        Map<Integer, Long> pids = new java.util.TreeMap<>();
        Matcher matcher = PID.matcher(out.text());
        while (matcher.find()) {
            pids.put(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)));
        }
        return pids;
    }

    private static List<Long> alive(Iterable<Long> pids) {
        List<Long> alive = new ArrayList<>();
        pids.forEach(pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(handle -> alive.add(pid)));
        return alive;
    }

    @AfterEach
    void stopEverything() {
        if (set != null) {
            set.stop();
        }
    }

    @Test
    void fourRanksStartAndEveryLineOfTheirOutputComesBackPrefixedWithRankAndHost() throws Exception {
        start(rank -> echo(rank));
        assertNull(set.awaitStarted(LIMIT), err.text());
        Map<Integer, Long> pids = pids();
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(pids.keySet()));
        assertTrue(err.await(text -> text.lines().filter(line -> line.matches("\\[rank (\\d) localhost\\] to stderr from \\1")).count() == 4, LIMIT),
                err.text());
        assertTrue(out.text().contains("[rank 2 localhost] rank 2 pid " + pids.get(2) + " secret " + secret), out.text());
        // The secret reached every rank through its environment, and no command line shows it.
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains(secret)));
        assertNull(set.failure());
        set.stop();
        assertEquals(List.of(), alive(pids.values()), "no rank JVM is left once the set has stopped");
    }

    @Test
    void aRankKilledWithSignal9StopsTheJobNamingRankHostAndExitCode() throws Exception {
        start(rank -> echo(rank));
        assertNull(set.awaitStarted(LIMIT), err.text());
        Map<Integer, Long> pids = pids();
        ProcessHandle.of(pids.get(2)).orElseThrow().destroyForcibly();
        RankFailure failure = set.awaitFailure(LIMIT);
        assertNotNull(failure, "a killed rank is a failure");
        assertEquals("rank 2 on localhost was killed by signal 9 (exit code 137)", failure.message());
        assertEquals(137, failure.exitCode());
        set.stop();
        assertEquals(List.of(), alive(pids.values()));
    }

    @Test
    void theFirstRankToEndWithACodeOtherThan0IsTheFailure() throws Exception {
        start(rank -> rank.rank() == 1 ? echo(rank, "exit", "3") : echo(rank));
        RankFailure failure = set.awaitFailure(LIMIT);
        assertNotNull(failure);
        assertEquals("rank 1 on localhost exited with code 3", failure.message());
        assertEquals(3, failure.exitCode());
        assertTrue(out.await(text -> text.contains("[rank 1 localhost] rank 1 pid"), LIMIT), "its output before it ended is not lost");
    }

    @Test
    void aRankThatCannotBeStartedIsNamed() throws Exception {
        start(rank -> new RankCommand(List.of("/no/such/java"), Map.of()));
        RankFailure failure = set.awaitStarted(LIMIT);
        assertNotNull(failure);
        assertTrue(failure.message().startsWith("rank ") && failure.message().contains("could not be started")
                && failure.message().contains("/no/such/java"), failure.message());
    }

    @Test
    void anotherHostWithoutAWayInIsNamedBeforeAnythingRuns() throws Exception {
        List<Rank> remote = RankLayout.perCore(NodeList.of("test", List.of(new Node("no-such-host.invalid", 1))), PlacementScheme.BLOCKED);
        set = RankSet.start(remote, rank -> echo(rank), NodeStarters.choose(NodeStarters.NO_REMOTE), out.stream, err.stream);
        RankFailure failure = set.awaitStarted(LIMIT);
        assertNotNull(failure);
        assertTrue(failure.message().startsWith("cannot start the node agent on no-such-host.invalid"), failure.message());
    }
}
