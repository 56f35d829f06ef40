package cspjob.launcher;

import cspjob.runtime.Csp;
import cspjob.runtime.CspFunction;
import cspjob.runtime.CspProcess;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cspjob run rank-test MODE}, for the tests of {@code cspjob run} with ranks:
 * {@code hello} runs one cluster process pinned to each slot, which says hello from its rank;
 * {@code wait} starts one on each slot that says where it runs and sleeps, and waits for ever.
 */
public final class RankTestJob implements Job {

    /** Says hello on its rank's stdout and returns the rank's number. */
    public record Hello() implements CspFunction<Integer> {
        @Override
        public Integer call() {
            int rank = Integer.parseInt(System.getenv(RankedRun.RANK));
            System.out.println("hello from rank " + rank + " of " + System.getenv(RankedRun.RANKS) + " on " + System.getenv(RankedRun.HOST));
            return rank;
        }
    }

    /** Says which rank JVM it runs in, then sleeps until that JVM ends. */
    public record Sleeper() implements CspProcess {
        @Override
        public void run() throws InterruptedException {
            System.out.println("sleeping in rank " + System.getenv(RankedRun.RANK) + " pid " + ProcessHandle.current().pid());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Override
    public String name() {
        return "rank-test";
    }

    @Override
    public String summary() {
        return "tests of cspjob run with ranks";
    }

    @Override
    public List<Class<?>> types() {
        return List.of(Hello.class, Sleeper.class);
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        int slots = Integer.parseInt(System.getenv().getOrDefault("RANK_TEST_SLOTS", "4"));
        List<CspProcess> processes = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            processes.add(args.getFirst().equals("hello") ? new Hello().pinned(slot) : new Sleeper().pinned(slot));
        }
        if (args.getFirst().equals("hello")) {
            out.println("ranks " + Csp.parallel(processes));
            return 0;
        }
        Csp.spawn(processes.toArray(CspProcess[]::new));
        out.println("job waits");
        Thread.sleep(Long.MAX_VALUE);
        return 0;
    }
}
