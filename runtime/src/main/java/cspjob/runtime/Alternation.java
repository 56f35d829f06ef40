package cspjob.runtime;

import java.util.concurrent.ThreadLocalRandom;


/**
 * External choice: wait until one of several guards is ready, then do exactly that one. Guards are
 * reader ends (input), {@link ChannelWriter#guard output guards}, {@link Skip} and {@link Timeout}.
 * Both ends of one channel may be in alternations at the same time; no message is lost or
 * duplicated and a possible match is always made (seed 002 §3).
 *
 * <ul>
 *   <li>{@link #priSelect}: the first ready guard in the order given.</li>
 *   <li>{@link #select}: an arbitrary ready guard (a random starting point each time).</li>
 *   <li>{@link #fairSelect}: on an Alternation kept across a loop, the guards take turns, so a
 *       ready guard never starves.</li>
 * </ul>
 *
 * <pre>{@code
 * Alternation alt = new Alternation();
 * while (true) {
 *     Selected s = alt.fairSelect(requests, results, Timeout.millis(500));
 *     if (s.is(requests)) ...; else if (s.is(results)) ...; else break;   // timed out
 * }
 * }</pre>
 *
 * <p>How it works: one {@link Request} stands for the whole choice. It first tries every guard in
 * turn without being visible to anyone; if none is ready it is offered on every channel in turn,
 * arbitrating at each as it goes (two requests are locked in id order), then waits. After it fires,
 * its other offers are withdrawn.
 */
public final class Alternation {
    /** Where the next fairSelect starts; owned by the one process that uses this Alternation. */
    private int favourite;

    /** An alternation that remembers whose turn it is, for {@link #fairSelect}. */
    public Alternation() {
    }

    /** Chooses the first ready guard in the order given, waiting if none is ready; a Skip fires where it stands. */
    public static Selected priSelect(Guard... guards) {
        return choose(guards, 0, false);
    }

    /** Chooses an arbitrary ready guard, waiting if none is ready; Skip only when no channel guard is ready. */
    public static Selected select(Guard... guards) {
        return choose(guards, guards.length == 0 ? 0 : ThreadLocalRandom.current().nextInt(guards.length), true);
    }

    /**
     * Chooses a ready guard, starting after the one this Alternation chose last time; Skip and
     * Timeout come last, so they fire only when no channel guard is ready.
     */
    public Selected fairSelect(Guard... guards) {
        int n = guards.length;
        Selected chosen = choose(guards, n == 0 ? 0 : favourite % n, true);
        favourite = chosen.index() + 1;
        return chosen;
    }

    /**
     * @param start    where in the list the turn begins
     * @param skipLast whether a Skip waits until every channel guard has been tried (fair and
     *                 arbitrary choice) or fires where it stands (priority)
     */
    private static Selected choose(Guard[] guards, int start, boolean skipLast) {
        int n = guards.length;
        if (n == 0) {
            throw new IllegalArgumentException("an alternation needs at least one guard: give it reader ends,"
                    + " output guards (writer.guard(value)), Skip or a Timeout");
        }
        long begin = System.nanoTime();
        Request self = new Request(Thread.currentThread());
        int timeoutIndex = -1;
        long timeoutNanos = Long.MAX_VALUE;
        int skipIndex = -1;

        // Phase 1: is any guard ready now? Nobody else can see self yet.
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            Guard g = guards[i];
            switch (g) {
                case Skip skip -> {
                    if (!skipLast) {
                        return new Selected(i, g, null);
                    }
                    if (skipIndex < 0) {
                        skipIndex = i;
                    }
                }
                case Timeout t -> {
                    if (t.nanos() < timeoutNanos) {
                        timeoutNanos = t.nanos();
                        timeoutIndex = i;
                    }
                }
                case ChannelReader<?> r -> {
                    Channel<?> ch = requireLocal(r.channel());
                    Request wake;
                    synchronized (ch) {
                        r.checkNotRetired();
                        if (!ch.tryRead(self, i, false)) {
                            continue;
                        }
                        wake = ch.takeWake();
                    }
                    return outcome(self, guards, wake);
                }
                case OutputGuard<?> o -> {
                    Channel<?> ch = requireLocal(o.writer().channel());
                    Request wake;
                    synchronized (ch) {
                        o.writer().checkNotRetired();
                        if (!ch.tryWrite(self, i, o.value(), false)) {
                            continue;
                        }
                        wake = ch.takeWake();
                    }
                    return outcome(self, guards, wake);
                }
            }
        }
        if (skipIndex >= 0) {
            return new Selected(skipIndex, guards[skipIndex], null);
        }
        if (timeoutNanos == 0) {
            return new Selected(timeoutIndex, guards[timeoutIndex], null);
        }

        // Phase 2: offer self on every channel, arbitrating at each (seed 002 §3), then wait.
        Offer[] offers = new Offer[n];
        boolean offered = false;
        for (int k = 0; k < n && !self.isDone(); k++) {
            int i = (start + k) % n;
            Guard g = guards[i];
            Request wake = null;
            if (g instanceof ChannelReader<?> r) {
                Channel<?> ch = r.channel();
                synchronized (ch) {
                    if (!self.isDone() && !ch.tryRead(self, i, offered)) {
                        offers[i] = ch.enqueueRead(self, i);
                        offered = true;
                    }
                    wake = ch.takeWake();
                }
            } else if (g instanceof OutputGuard<?> o) {
                Channel<?> ch = o.writer().channel();
                synchronized (ch) {
                    if (!self.isDone() && !ch.tryWrite(self, i, o.value(), offered)) {
                        offers[i] = ch.enqueueWrite(self, i, o.value());
                        offered = true;
                    }
                    wake = ch.takeWake();
                }
            }
            if (wake != null) {
                wake.wake();
            }
        }
        if (timeoutIndex >= 0) {
            self.await(begin + timeoutNanos, timeoutIndex, guards);
        } else {
            self.await(guards);
        }
        for (int i = 0; i < n; i++) {
            if (offers[i] != null) {
                Guard g = guards[i];
                boolean write = g instanceof OutputGuard<?>;
                Channel<?> ch = write ? ((OutputGuard<?>) g).writer().channel() : ((ChannelReader<?>) g).channel();
                ch.withdraw(offers[i], write);
            }
        }
        return outcome(self, guards, null);
    }

    private static Channel<?> requireLocal(Channel<?> channel) {
        if (channel.isRemote()) {
            throw new UnsupportedOperationException("channel '" + channel.name() + "' (home " + channel.remoteAddress()
                    + "): a guard on a channel whose home is another JVM is not supported yet; read or write it"
                    + " directly, or make this JVM its home");
        }
        return channel;
    }

    private static Selected outcome(Request self, Guard[] guards, Request wake) {
        if (wake != null) {
            wake.wake();
        }
        if (self.failure != null) {
            throw self.failure;
        }
        int i = self.firedIndex;
        return new Selected(i, guards[i], self.value);
    }
}
