package cspjob.benchmarks;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The physical limit beside {@link CspjobRing}: a ring of {@code size} bare virtual threads that pass
 * one token with nothing but a volatile field and {@link LockSupport#park()}/{@code unpark}. Each
 * element parks until its predecessor has put the token in its {@code slot} and unparked it, then
 * does the same to its successor. One element, the driver, takes lap orders as the cspjob ring's
 * does (here on a {@link SynchronousQueue}). One lap is {@code size} hops.
 */
final class BareRing implements TokenRing {
    private static final Object STOP = "stop";

    private final SynchronousQueue<Integer> orders = new SynchronousQueue<>();
    private final Reply done = new Reply();
    private final long startedBefore = STARTED.sum();
    private final int size;
    private final Thread driver;

    /** Builds the ring and starts its virtual threads; they park until the first {@link #laps}. */
    BareRing(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a ring needs at least 2 elements, got " + size);
        }
        this.size = size;
        Element first = new Element();
        Element last = first;
        for (int i = 1; i < size; i++) {
            Element e = new Element();
            last.next = e;
            last = e;
        }
        last.next = first;
        // Every thread exists before any starts, so an element always finds its successor's thread.
        first.thread = Thread.ofVirtual().unstarted(() -> drive(first));
        for (Element e = first.next; e != first; e = e.next) {
            e.thread = Thread.ofVirtual().unstarted(e::passOn);
        }
        Element e = first;
        do {
            e.thread.start();
            e = e.next;
        } while (e != first);
        driver = first.thread;
    }

    @Override
    public void awaitStarted(long timeoutSeconds) throws InterruptedException {
        TokenRing.awaitStarted(startedBefore, size - 1, timeoutSeconds);
    }

    @Override
    public void laps(int count, long timeoutSeconds) throws InterruptedException {
        orders.put(count);
        done.await("the bare ring", timeoutSeconds);
    }

    /** Sends a stop token round: every element passes it on and ends. */
    @Override
    public void close() throws InterruptedException {
        orders.put(-1);
        Reply.join(driver);
    }

    private void drive(Element self) {
        try {
            while (true) {
                int laps = orders.take();
                if (laps < 0) {
                    self.next.put(STOP);
                    self.await();
                    return;
                }
                for (int lap = 0; lap < laps; lap++) {
                    self.next.put(CspjobRing.TOKEN);
                    self.await();
                }
                done.send(laps);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class Element {
        /** The token when this element holds it, else null; written by the predecessor, cleared by the owner. */
        volatile Object slot;
        Element next;
        Thread thread;

        /** Gives this element the token and wakes it. */
        void put(Object token) {
            slot = token;
            LockSupport.unpark(thread);
        }

        /** Parks until the token comes, and takes it. */
        Object await() {
            Object token;
            while ((token = slot) == null) {
                LockSupport.park();
            }
            slot = null;
            return token;
        }

        void passOn() {
            STARTED.increment();
            while (true) {
                Object token = await();
                next.put(token);
                if (token == STOP) {
                    return;
                }
            }
        }
    }
}
