package cspjob.benchmarks;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a network under benchmark tells the benchmark thread that it has done what it was told: a
 * hand-off that the benchmark thread waits on for at most {@value #STALL_SECONDS} seconds. A network
 * that stalls (a deadlock or a lost wake-up in the library under test) then fails its benchmark
 * with a message instead of hanging the whole run.
 */
final class Reply {
    static final int STALL_SECONDS = 60;

    private final SynchronousQueue<Integer> queue = new SynchronousQueue<>();

    /** Called by the network: waits until the benchmark thread takes {@code value}. */
    void send(int value) throws InterruptedException {
        queue.put(value);
    }

    /** Called by the benchmark thread: waits for the network's answer. */
    int await(String network) throws InterruptedException {
        return await(network, STALL_SECONDS);
    }

    /** As {@link #await(String)}, for work that takes longer than {@value #STALL_SECONDS} seconds when all is well. */
    int await(String network, long seconds) throws InterruptedException {
        Integer value = queue.poll(seconds, TimeUnit.SECONDS);
        if (value == null) {
            throw new IllegalStateException(network + " did not answer within " + seconds
                    + " s: it has stalled (a deadlock or a lost wake-up in the library under test);"
                    + " take a thread dump of the forked JVM (jcmd PID Thread.dump_to_file) to see where");
        }
        return value;
    }

    /**
     * Runs a whole network ({@code body}) on a thread of its own and returns its result, or fails if
     * it has not ended within {@value #STALL_SECONDS} seconds (the stalled network is left behind, on
     * a daemon thread).
     */
    static <T> T within(String network, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        Thread.ofPlatform().name(network).daemon(true).start(task);
        try {
            return task.get(STALL_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(network + " did not end within " + STALL_SECONDS + " s: it has stalled"
                    + " (a deadlock or a lost wake-up in the library under test)", e);
        }
    }

    /** Waits for a network's thread to end, for at most a few seconds (a stalled network never ends). */
    static void join(Thread network) throws InterruptedException {
        if (!network.join(java.time.Duration.ofSeconds(30))) {
            System.err.println("warning: " + network.getName() + " did not end within 30 s of its shutdown");
        }
    }
}
