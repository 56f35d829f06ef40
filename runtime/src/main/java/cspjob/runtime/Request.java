package cspjob.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One blocking operation of one process: a read, a write, or a whole alternation. Exactly one
 * request exists per operation, and it is offered on every channel the operation involves
 * (seed 002 §3). Whoever matches it first completes it; it completes once.
 *
 * <p>Its state word is both the status and the lock of seed 002's request: {@code ACTIVE}
 * (offered, unlocked), {@code LOCKED} (an arbiter holds it for a moment) and {@code DONE}
 * (completed: the outcome fields are set and never change again). A match of two requests locks
 * both in id order ({@link #lockPair}), so two arbiters never deadlock; locks are held only for
 * the few instructions of a commit and never while taking a channel's lock, so waiting for one is
 * a short spin.
 *
 * <p>Memory ordering: the outcome fields are plain; they are written by the lock holder before the
 * release store of {@code DONE} and read by the owner after an acquire load of {@code DONE}.
 */
class Request {
    static final int ACTIVE = 0;
    static final int LOCKED = 1;
    static final int DONE = 2;

    /** How {@link #lockPair} ended. */
    static final int PAIR_LOCKED = 0;
    static final int OTHER_DONE = 1;
    static final int SELF_DONE = 2;

    private static final VarHandle STATE;
    private static final VarHandle ID;
    private static final AtomicLong NEXT_ID = new AtomicLong();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Request.class, "state", int.class);
            ID = lookup.findVarHandle(Request.class, "id", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Tells this JVM's requests from every other JVM's: with the id, a request's place in the one global lock order. */
    static final long JVM_TAG = new java.security.SecureRandom().nextLong();

    /** The thread that waits for this request (only it reads the outcome); null for a stand-in of another JVM's request. */
    final Thread owner;
    /** The JVM the request belongs to ({@link #JVM_TAG} there). */
    final long tag;
    private volatile int state;
    /** Unique in its JVM, taken lazily: only two-sided matches and posts to other JVMs need it. */
    private volatile long id;

    /** Whether this is an alternation's request (it may fire on several channels), not a plain read or write. */
    boolean alternation;

    // The outcome, written under the lock before DONE (see class comment).
    int firedIndex = -1;
    Object value;
    RuntimeException failure;

    Request(Thread owner) {
        this.owner = owner;
        this.tag = JVM_TAG;
    }

    /** A stand-in, at a channel's home, for request {@code id} of the JVM tagged {@code tag}. */
    Request(long tag, long id) {
        this.owner = null;
        this.tag = tag;
        this.id = id;
    }

    boolean isDone() {
        return (int) STATE.getAcquire(this) == DONE;
    }

    /**
     * Locks this request unless it is done. While another arbiter holds it, spins a little, then
     * yields, then naps: a local arbiter holds a lock for a few instructions, but one across the
     * network (later) for a round trip.
     */
    boolean lock() {
        for (int tries = 0; ; tries++) {
            int s = (int) STATE.getAcquire(this);
            if (s == DONE) {
                return false;
            }
            if (s == ACTIVE && STATE.weakCompareAndSetAcquire(this, ACTIVE, LOCKED)) {
                return true;
            }
            if (tries < 100) {
                Thread.onSpinWait();
            } else if (tries < 200) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    void unlock() {
        STATE.setRelease(this, ACTIVE);
    }

    /** Completes a locked request (or one no other thread can see yet) and wakes its owner. */
    void complete(int index, Object result) {
        settle(index, result);
        wake();
    }

    /**
     * Completes a locked request without waking its owner yet: the caller wakes it with {@link #wake()}
     * once it has left the channel's monitor, which keeps the monitor's hold short.
     */
    void settle(int index, Object result) {
        firedIndex = index;
        value = result;
        STATE.setRelease(this, DONE);
    }

    /**
     * Wakes the owner of a settled request. A wake that comes late only costs the owner one more look.
     * A stand-in for another JVM's request sends the outcome there instead.
     */
    void wake() {
        if (owner != Thread.currentThread()) {
            LockSupport.unpark(owner);
        }
    }

    /** Completes a locked request with a failure (poison, retire) and wakes its owner. */
    void fail(int index, RuntimeException why) {
        settleFailure(index, why);
        wake();
    }

    /** As {@link #fail}, without waking the owner yet: the caller wakes it once it has left the channel's monitor. */
    void settleFailure(int index, RuntimeException why) {
        failure = why;
        settle(index, null);
    }

    long id() {
        long v = id;
        if (v == 0) {
            long fresh = NEXT_ID.incrementAndGet();
            v = ID.compareAndSet(this, 0L, fresh) ? fresh : id;
        }
        return v;
    }

    /**
     * Locks {@code self} and {@code other} in id order (seed 002 Listing 4). When {@code self} is
     * not yet offered anywhere no other thread can complete it, so only {@code other} is locked.
     *
     * @return {@link #PAIR_LOCKED} when the caller now holds both, else which one was done
     */
    static int lockPair(Request self, boolean selfOffered, Request other) {
        if (!selfOffered) {
            return other.lock() ? PAIR_LOCKED : OTHER_DONE;
        }
        if (self.tag < other.tag || (self.tag == other.tag && self.id() < other.id())) {
            if (!self.lock()) {
                return SELF_DONE;
            }
            if (!other.lock()) {
                self.unlock();
                return OTHER_DONE;
            }
        } else {
            if (!other.lock()) {
                return OTHER_DONE;
            }
            if (!self.lock()) {
                other.unlock();
                return SELF_DONE;
            }
        }
        return PAIR_LOCKED;
    }

    /** Locks self if it has been offered; false when it was completed meanwhile. */
    boolean lockIfOffered(boolean offered) {
        return !offered || lock();
    }

    /**
     * Parks the owner until the request is done. An interrupt withdraws the request, unless a match
     * got there first; {@code waitingFor} (a channel, or guards) names what it waited for.
     * ({@link Spawner} recognises a process blocked here by this method's frame on its stack.)
     */
    void await(Object waitingFor) {
        while (!isDone()) {
            LockSupport.park(this);
            if (Thread.currentThread().isInterrupted()) {
                withdrawOnInterrupt(waitingFor);
            }
        }
    }

    /** Parks the owner until the request is done, ignoring interrupts (kept for later): for an operation already posted at another JVM, which cannot be taken back. */
    void awaitUninterruptibly() {
        boolean interrupted = false;
        while (!isDone()) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Parks the owner until the request is done or the deadline passes; at the deadline the owner
     * completes its own request with {@code timeoutIndex}, unless a match got there first.
     */
    void await(long deadlineNanos, int timeoutIndex, Object waitingFor) {
        while (!isDone()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                if (lock()) {
                    complete(timeoutIndex, null);
                }
                return;
            }
            LockSupport.parkNanos(this, left);
            if (Thread.currentThread().isInterrupted()) {
                withdrawOnInterrupt(waitingFor);
            }
        }
    }

    private void withdrawOnInterrupt(Object waitingFor) {
        if (lock()) {
            fail(firedIndex, new ProcessInterruptedException(waitingFor));
        }
    }
}
