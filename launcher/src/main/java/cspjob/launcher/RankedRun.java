package cspjob.launcher;

import cspjob.launcher.node.NodeStarter;
import cspjob.launcher.nodes.NodeList;
import cspjob.launcher.placement.PlacementState;
import cspjob.launcher.placement.Rank;
import cspjob.launcher.placement.RankLayout;
import cspjob.launcher.ranks.RankCommand;
import cspjob.launcher.ranks.RankFailure;
import cspjob.launcher.ranks.RankPlacement;
import cspjob.launcher.ranks.RankSet;
import cspjob.runtime.Worker;
import cspjob.runtime.WorkerCommand;
import cspjob.runtime.Workers;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code cspjob run JOB --cores N}: starts one worker JVM per rank through the node agents, waits
 * until every rank is ready, installs the placement of cluster processes on them, runs the job's
 * main here, and stops every rank at the end, on a rank's failure, and on Ctrl-C or SIGTERM.
 *
 * <p>Exit code: the job's; the first failing rank's when a rank failed (also when the job then
 * failed for want of it); 1 when the job's main threw.
 */
final class RankedRun {
    /** The environment of a rank: its number, the number of ranks, its host, the cores it stands for. */
    static final String RANK = "CSPJOB_RANK";
    static final String RANKS = "CSPJOB_RANKS";
    static final String HOST = "CSPJOB_HOST";
    static final String CORES = "CSPJOB_CORES";
    /** How long a failing job waits for the rank failure that may be its cause, to report that instead. */
    private static final Duration CAUSE_WAIT = Duration.ofSeconds(3);

    private final Job job;
    private final PrintStream out;
    private final PrintStream err;

    RankedRun(Job job, PrintStream out, PrintStream err) {
        this.job = job;
        this.out = out;
        this.err = err;
    }

    int run(List<String> jobArgs, NodeList nodes, LaunchOptions options, Function<String, NodeStarter> starters)
            throws InterruptedException {
        List<Rank> ranks = options.jvmPerOrDefault() == LaunchOptions.JvmPer.NODE
                ? RankLayout.perNode(nodes) : RankLayout.perCore(nodes, options.placementOrDefault());
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, RankCommand> commands = new HashMap<>();
        for (Rank rank : ranks) {
            WorkerCommand worker = Workers.command("rank-" + rank.rank() + "-" + ProcessHandle.current().pid());
            names.put(rank.rank(), worker.name());
            Map<String, String> environment = new HashMap<>(worker.environment());
            environment.put(RANK, Integer.toString(rank.rank()));
            environment.put(RANKS, Integer.toString(ranks.size()));
            environment.put(HOST, rank.host());
            environment.put(CORES, Integer.toString(rank.cores()));
            commands.put(rank.rank(), new RankCommand(worker.command(), environment));
        }
        if (options.verbose) {
            err.println("cspjob run " + job.name() + ": " + ranks.size() + " rank" + (ranks.size() == 1 ? "" : "s") + ", "
                    + options.placementOrDefault().name().toLowerCase() + ", one JVM per " + options.jvmPerOrDefault().name().toLowerCase()
                    + ", on " + nodes.describe());
        }
        RankSet set = RankSet.start(ranks, rank -> commands.get(rank.rank()), starters, true, out, err);
        Thread stopOnSignal = new Thread(set::stop, "cspjob stop ranks");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        Map<Integer, Worker> workers = new HashMap<>();
        try {
            RankFailure failure = awaitReady(set, ranks, names, workers, Duration.ofSeconds(options.startTimeoutOrDefault()),
                    options.verbose ? err : null);
            if (failure != null) {
                return report(failure, "before the job started");
            }
            if (options.verbose) {
                err.printf("cspjob run %s: %d ranks ready %.3f s after this JVM started%n", job.name(), ranks.size(), sinceStart());
            }
            Workers.placement(new RankPlacement(PlacementState.start(nodes, options.placementOrDefault()), ranks, workers));
            return runJob(jobArgs, set);
        } finally {
            Workers.placement(null);
            workers.values().forEach(Worker::exit);
            set.awaitExited(Duration.ofSeconds(2));
            set.stop();
            names.values().forEach(Workers::forget);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the ranks are being stopped anyway
            }
        }
    }

    /**
     * Every worker connected and said it is ready; or the first failure. Ranks start paced (see
     * {@link RankSet}): each one found ready lets the next of its node start.
     */
    private static RankFailure awaitReady(RankSet set, List<Rank> ranks, Map<Integer, String> names, Map<Integer, Worker> workers,
            Duration timeout, PrintStream verbose) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Rank> pending = new java.util.ArrayList<>(ranks);
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (java.util.Iterator<Rank> it = pending.iterator(); it.hasNext(); ) {
                Rank rank = it.next();
                try {
                    workers.put(rank.rank(), Workers.await(names.get(rank.rank()), Duration.ZERO));
                    set.ready(rank);
                    it.remove();
                    if (verbose != null) {
                        verbose.printf("cspjob run: rank %d on %s ready %.3f s after this JVM started%n", rank.rank(), rank.host(), sinceStart());
                    }
                    progress = true;
                } catch (TimeoutException notYet) {
                    // look again on the next round
                }
            }
            if (set.failure() != null) {
                return set.failure();
            }
            if (System.nanoTime() > deadline) {
                Rank first = pending.getFirst();
                return new RankFailure("rank " + first.rank() + " on " + first.host() + (pending.size() > 1 ? " (and " + (pending.size() - 1)
                        + " more)" : "") + " did not report ready within " + timeout.toSeconds()
                        + " s; see the ranks' output above, or give more time with --start-timeout", 1);
            }
            if (!progress) {
                Thread.sleep(10);
            }
        }
        return null;
    }

    /** Runs the job's main on a thread of its own, so that a rank's failure can end the wait for it. */
    private int runJob(List<String> jobArgs, RankSet set) throws InterruptedException {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread main = Thread.ofPlatform().daemon().name("job " + job.name()).start(() -> {
            try {
                done.complete(job.run(jobArgs, out));
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        while (true) {
            RankFailure failure = set.awaitFailure(Duration.ofMillis(100));
            if (failure != null) {
                main.interrupt();
                return report(failure, "while the job ran");
            }
            if (done.isDone()) {
                break;
            }
        }
        try {
            int code = done.get();
            RankFailure failure = set.failure();
            return failure == null ? code : report(failure, "while the job ran");
        } catch (java.util.concurrent.ExecutionException e) {
            RankFailure cause = set.awaitFailure(CAUSE_WAIT);
            if (cause != null) {
                return report(cause, "while the job ran");
            }
            err.println("cspjob run " + job.name() + ": the job failed: " + e.getCause());
            return Main.FAILED;
        }
    }

    private static double sinceStart() {
        return (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
    }

    private int report(RankFailure failure, String when) {
        err.println("cspjob run " + job.name() + ": " + failure.message() + " " + when + "; stopping every rank");
        return failure.exitCode() == 0 ? Main.FAILED : failure.exitCode();
    }

}
