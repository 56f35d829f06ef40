package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.runtime.WorkerTestProcesses.Chain;
import cspjob.runtime.WorkerTestProcesses.Squares;
import cspjob.runtime.WorkerTestProcesses.WhereAmI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Worker JVMs (the ranks of a job) and cluster processes placed on them: real JVMs, real sockets. */
@Tag("multi-jvm")
@org.junit.jupiter.api.Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorkersTest {
    private static final List<Process> JVMS = new ArrayList<>();
    private static final List<Worker> WORKERS = new ArrayList<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    @BeforeAll
    static void startTwoWorkers() throws Exception {
        TestTypes.register();
        for (int i = 0; i < 2; i++) {
            WORKERS.add(start("worker-test-" + i));
        }
        Workers.placement(WorkersTest::roundRobin);
    }

    /** Pinned processes go to their slot (one per worker here), the others take turns. */
    private static Worker roundRobin(String processName, int slot) {
        return WORKERS.get(slot >= 0 ? slot : NEXT.getAndIncrement() % WORKERS.size());
    }

    private static Worker start(String name) throws Exception {
        Process jvm = Workers.command(name).processBuilder().inheritIO().start();
        JVMS.add(jvm);
        return Workers.await(name, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopWorkers() throws InterruptedException {
        Workers.placement(null);
        WORKERS.forEach(Worker::exit);
        for (Process jvm : JVMS) {
            if (!jvm.waitFor(10, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
            }
        }
    }

    private static long pid(int worker) {
        return JVMS.get(worker).pid();
    }

    @Test
    void aProcessSentToAWorkerRunsInItsJvmAndReturnsItsResult() throws Exception {
        assertEquals(pid(0), WORKERS.get(0).run(new WhereAmI(), "where"));
        assertEquals(pid(1), WORKERS.get(1).run(new WhereAmI(), "where"));
    }

    @Test
    void clusterProcessesRunWhereThePlacementSays() {
        NEXT.set(0);
        List<Object> pids = Csp.parallel(new WhereAmI().pinned(1), new WhereAmI().pinned(0), new WhereAmI().pinned(1));
        assertEquals(List.of(pid(1), pid(0), pid(1)), pids);
    }

    @Test
    void aSelfSpawningChainIsPlacedByTheParentsPlacement() {
        NEXT.set(0);
        @SuppressWarnings("unchecked")
        List<Long> chain = (List<Long>) Csp.parallel(new Chain(5).as(ProcessKind.CLUSTER)).getFirst();
        assertEquals(List.of(pid(0), pid(1), pid(0), pid(1), pid(0)), chain, "each link placed by the parent's round robin");
    }

    @Test
    void aClusterProcessWritesToAChannelHomedHere() {
        Channel<Long> squares = new Channel<>("squares");
        ChannelReader<Long> in = squares.reader();
        List<Object> results = Csp.parallel(new Squares(squares.writer(), 100).as(ProcessKind.CLUSTER), CspFunction.of(() -> {
            long sum = 0;
            try {
                while (true) {
                    sum += in.read();
                }
            } catch (ChannelRetiredException done) {
                return sum;
            }
        }));
        assertEquals(100L * 101 * 201 / 6, results.get(1));
    }

    @Test
    void aFailureInAWorkerNamesTheWorkerAndTheFailure() {
        Exception e = assertThrows(Exception.class, () -> WORKERS.get(0).run(new JvmTestProcesses.Failing("bad row 3"), "failing"));
        assertTrue(e.getMessage().contains("bad row 3") && e.getMessage().contains("worker-test-0"), e.getMessage());
    }

    @Test
    void aWorkerKilledMidRunFailsTheRunNamingTheWorker() throws Exception {
        Worker doomed = start("worker-test-doomed");
        Process jvm = JVMS.getLast();
        Future<Object> run = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()
                .submit(() -> doomed.run(new JvmTestProcesses.Sleeper(), "sleeper"));
        Thread.sleep(500);
        jvm.destroyForcibly();
        Exception e = assertThrows(java.util.concurrent.ExecutionException.class, () -> run.get(30, TimeUnit.SECONDS));
        String message = e.getCause().getMessage();
        assertTrue(message.contains("worker-test-doomed") && message.contains("went away"), message);
        assertTrue(!doomed.isAlive(), "the worker is known to be gone");
    }

    @Test
    void aWorkerNameCannotBeUsedTwiceWhileItRuns() {
        Exception e = assertThrows(IllegalStateException.class, () -> Workers.command("worker-test-0"));
        assertTrue(e.getMessage().contains("already started"), e.getMessage());
    }

    @Test
    void withoutAPlacementAClusterProcessFailsWithAClearMessage() {
        Workers.placement(null);
        try {
            ProcessFailedException e = assertThrows(ProcessFailedException.class,
                    () -> Csp.parallel(new WhereAmI().as(ProcessKind.CLUSTER)));
            assertTrue(e.getMessage().contains("no placement") && e.getMessage().contains("cspjob run"), e.getMessage());
        } finally {
            Workers.placement(WorkersTest::roundRobin);
        }
        assertNotEquals(pid(0), pid(1));
    }
}
