package cspjob.launcher.ranks;

import cspjob.launcher.node.JavaCommand;
import cspjob.launcher.node.NodeProcess;
import cspjob.launcher.node.NodeStarter;
import cspjob.launcher.placement.Rank;
import cspjob.launcher.placement.RankLayout;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The ranks of a running job: one node agent per host, which starts that host's rank JVMs. Every
 * output line of a rank is printed here as {@code [rank R host] line}, on stdout or stderr as the
 * rank wrote it. The first rank that fails (ends with a non-zero code, or cannot be started) or
 * node agent that is lost is the job's {@link #failure()}; {@link #stop()} ends every rank.
 *
 * <pre>{@code
 * try (RankSet ranks = RankSet.start(layout, rank -> command, host -> starter, System.out, System.err)) {
 *     ranks.awaitStarted(Duration.ofSeconds(60));   // or the failure that came first
 *     ... run the job ...
 * }                                                   // stops every rank
 * }</pre>
 */
public final class RankSet implements AutoCloseable {
    private final PrintStream out;
    private final PrintStream err;
    private final List<AgentLink> agents = new ArrayList<>();
    private final Set<Integer> notStarted = new TreeSet<>();
    private final CountDownLatch allStarted;
    private final CountDownLatch failed = new CountDownLatch(1);
    private final CountDownLatch allExited;
    private volatile RankFailure failure;
    private volatile boolean stopping;

    private RankSet(List<Rank> ranks, PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        ranks.forEach(rank -> notStarted.add(rank.rank()));
        this.allStarted = new CountDownLatch(ranks.size());
        this.allExited = new CountDownLatch(ranks.size());
    }

    /**
     * Starts a node agent on every host of {@code ranks} and has it start that host's ranks.
     * Agents that cannot be started make the set's failure; the others are started all the same
     * and stopped by {@link #stop()}.
     */
    public static RankSet start(List<Rank> ranks, Function<Rank, RankCommand> commandFor,
            Function<String, NodeStarter> starterFor, PrintStream out, PrintStream err) {
        return start(ranks, commandFor, starterFor, false, out, err);
    }

    /**
     * As {@link #start(List, Function, Function, PrintStream, PrintStream)}; when {@code paced},
     * no more ranks of a node start at once than it has cores, and the owner calls
     * {@link #ready(Rank)} for each rank as it becomes ready, so that the next may start.
     */
    public static RankSet start(List<Rank> ranks, Function<Rank, RankCommand> commandFor,
            Function<String, NodeStarter> starterFor, boolean paced, PrintStream out, PrintStream err) {
        RankSet set = new RankSet(ranks, out, err);
        Map<Integer, RankCommand> commands = new java.util.HashMap<>();
        ranks.forEach(rank -> commands.put(rank.rank(), commandFor.apply(rank)));
        String directory = System.getProperty("user.dir");
        List<Thread> starting = new ArrayList<>();
        // Agents start in parallel: over SSH each takes a connection's round trips.
        for (Map.Entry<String, List<Rank>> host : RankLayout.byHost(ranks).entrySet()) {
            starting.add(Thread.ofVirtual().name("start agent " + host.getKey()).start(() -> {
                try {
                    NodeProcess agent = starterFor.apply(host.getKey()).start(host.getKey(), JavaCommand.nodeAgent());
                    AgentLink link = new AgentLink(agent, host.getValue(), set, paced);
                    synchronized (set.agents) {
                        set.agents.add(link);
                    }
                    if (!set.stopping) {
                        link.start(commands, directory, err);
                    }
                } catch (Exception e) {
                    set.fail(new RankFailure("cannot start the node agent on " + host.getKey() + ": " + e.getMessage(), 1));
                }
            }));
        }
        for (Thread thread : starting) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return set;
    }

    /**
     * Waits until every rank has started, or a failure, or the timeout.
     *
     * @return null when every rank started; else why not (the first failure, or the ranks still missing)
     */
    public RankFailure awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allStarted.await(50, TimeUnit.MILLISECONDS)) {
            if (failure != null) {
                return failure;
            }
            if (System.nanoTime() > deadline) {
                synchronized (notStarted) {
                    return new RankFailure("ranks " + notStarted + " did not start within " + timeout.toSeconds()
                            + " s; see their output above, or give more time with --start-timeout", 1);
                }
            }
        }
        return failure;
    }

    /** Waits up to {@code timeout} for a failure; returns it, or null if none came. */
    public RankFailure awaitFailure(Duration timeout) throws InterruptedException {
        failed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return failure;
    }

    /** The owner of a paced set says that {@code rank} is ready: the next rank of its node may start. */
    public void ready(Rank rank) {
        synchronized (agents) {
            for (AgentLink link : agents) {
                if (link.host().equals(rank.host())) {
                    link.ready(rank);
                }
            }
        }
    }

    /** Waits up to {@code timeout} for every rank to have ended; returns whether they all have. */
    public boolean awaitExited(Duration timeout) throws InterruptedException {
        return allExited.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The first failure, or null. */
    public RankFailure failure() {
        return failure;
    }

    /** Stops every rank on every node; failures seen from now on are the stop's doing, not the job's. */
    public void stop() {
        stopping = true;
        List<AgentLink> links;
        synchronized (agents) {
            links = List.copyOf(agents);
        }
        List<Thread> stoppers = new ArrayList<>();
        for (AgentLink link : links) {
            stoppers.add(Thread.ofPlatform().name("stop agent " + link.host()).start(link::stop));
        }
        for (Thread thread : stoppers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    void started(Rank rank) {
        synchronized (notStarted) {
            if (notStarted.remove(rank.rank())) {
                allStarted.countDown();
            }
        }
    }

    void output(Rank rank, String line, boolean toStderr) {
        (toStderr ? err : out).println("[rank " + rank.rank() + " " + rank.host() + "] " + line);
    }

    void exited(Rank rank, int code) {
        allExited.countDown();
        if (code != 0 && !stopping) {
            fail(RankFailure.exited(rank.rank(), rank.host(), code));
        }
    }

    void failedToStart(Rank rank, String message) {
        allExited.countDown();
        fail(new RankFailure("rank " + rank.rank() + " on " + rank.host() + " could not be started: " + message, 1));
    }

    void agentEnded(String host, String how) {
        if (!stopping) {
            fail(new RankFailure("the node agent on " + host + " is gone (" + how + "), and with it the ranks on " + host, 1));
        }
    }

    private void fail(RankFailure why) {
        synchronized (failed) {
            if (failure == null && !stopping) {
                failure = why;
                failed.countDown();
            }
        }
    }
}
