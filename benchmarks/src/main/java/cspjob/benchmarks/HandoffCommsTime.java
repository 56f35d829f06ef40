package cspjob.benchmarks;

import java.util.concurrent.SynchronousQueue;

/**
 * The physical limit beside {@link CommsTimeBenchmark}: CommsTime with no CSP library at all, four
 * virtual threads (prefix, delta, successor, consumer) wired by {@link SynchronousQueue}s, the JDK's
 * own unbuffered hand-off. The consumer ends the network by interrupting the other three.
 */
final class HandoffCommsTime {
    private HandoffCommsTime() {
    }

    /** Runs the network until the consumer has taken {@code 1 + values} values; returns the count of hand-offs. */
    static long run(int values) throws InterruptedException {
        SynchronousQueue<Integer> a = new SynchronousQueue<>();
        SynchronousQueue<Integer> b = new SynchronousQueue<>();
        SynchronousQueue<Integer> c = new SynchronousQueue<>();
        SynchronousQueue<Integer> d = new SynchronousQueue<>();
        Thread prefix = startVirtual(() -> {
            a.put(0);
            while (true) {
                a.put(c.take());
            }
        });
        Thread delta = startVirtual(() -> {
            while (true) {
                Integer value = a.take();
                d.put(value);
                b.put(value);
            }
        });
        Thread successor = startVirtual(() -> {
            while (true) {
                c.put(b.take() + 1);
            }
        });
        Thread consumer = startVirtual(() -> {
            for (int i = 0; i <= values; i++) {
                d.take();
            }
            prefix.interrupt();
            delta.interrupt();
            successor.interrupt();
        });
        for (Thread t : new Thread[] {consumer, prefix, delta, successor}) {
            t.join();
        }
        return 4L * (values + 1);
    }

    /** A loop that ends by interrupt: the hand-off network's shutdown. */
    interface Interruptible {
        void run() throws InterruptedException;
    }

    private static Thread startVirtual(Interruptible body) {
        return Thread.ofVirtual().start(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                // the consumer is done: this element ends
            }
        });
    }
}
