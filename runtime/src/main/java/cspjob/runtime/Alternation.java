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
        self.alternation = true;
        int timeoutIndex = -1;
        long timeoutNanos = Long.MAX_VALUE;
        int skipIndex = -1;

        // Phase 1: is any guard ready now? Nobody else can see self yet. A guard on a channel homed in
        // another JVM costs a round trip to ask, so it is asked only when the answer matters: when a
        // Skip or a zero Timeout would otherwise fire without waiting. Otherwise phase 2 offers it and
        // its home matches it on arrival (priority between JVMs is then best effort).
        boolean askRemote = mayNotWait(guards);
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
                    Selected ready = tryNow(self, guards, i, r, false, null, askRemote);
                    if (ready != null) {
                        return ready;
                    }
                }
                case OutputGuard<?> o -> {
                    Selected ready = tryNow(self, guards, i, o.writer(), true, o.value(), askRemote);
                    if (ready != null) {
                        return ready;
                    }
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
        boolean[] offeredRemotely = new boolean[n];
        try {
            boolean offered = false;
            for (int k = 0; k < n && !self.isDone(); k++) {
                int i = (start + k) % n;
                Guard g = guards[i];
                if (!(g instanceof ChannelReader<?>) && !(g instanceof OutputGuard<?>)) {
                    continue;
                }
                boolean write = g instanceof OutputGuard<?>;
                Object value = write ? ((OutputGuard<?>) g).value() : null;
                Channel<?> ch = channelOf(g);
                Request wake = null;
                boolean movedAway = false;
                if (!ch.isRemote()) {
                    synchronized (ch) {
                        movedAway = ch.isRemote(); // its home moved to another JVM just now
                        if (!movedAway && !self.isDone()
                                && !(write ? ch.tryWrite(self, i, value, offered) : ch.tryRead(self, i, offered))) {
                            offers[i] = write ? ch.enqueueWrite(self, i, value) : ch.enqueueRead(self, i);
                            offered = true;
                        }
                        wake = ch.takeWake();
                    }
                }
                if (ch.isRemote() && (movedAway || offers[i] == null) && !self.isDone()) {
                    RemoteHome home = ch.remoteHome();
                    home.network.offerAt(home, ch, self, i, write, value);
                    offeredRemotely[i] = true;
                    offered = true;
                }
                if (wake != null) {
                    wake.wake();
                }
            }
        } catch (RuntimeException e) {
            // Self may be visible somewhere already: make sure it can no longer fire, unless it just did.
            if (self.lock()) {
                self.fail(-1, e);
            }
        }
        if (timeoutIndex >= 0) {
            self.await(begin + timeoutNanos, timeoutIndex, guards);
        } else {
            self.await(guards);
        }
        withdraw(self, guards, offers, offeredRemotely);
        return outcome(self, guards, null);
    }

    /**
     * Phase 1 for one channel guard: fires it if it can fire now.
     *
     * @return the outcome when the guard fired, else null
     */
    private static Selected tryNow(Request self, Guard[] guards, int i, ChannelEnd<?> end, boolean write, Object value,
                                   boolean askRemote) {
        Channel<?> ch = end.channel();
        if (ch.isRemote()) {
            synchronized (ch) {
                end.checkNotRetired();
            }
            if (!askRemote) {
                return null;
            }
            Request probe = ch.remoteHome().network.tryAt(ch.remoteHome(), ch, i, write, value);
            if (probe == null) {
                return null;
            }
            if (probe.failure != null) {
                throw probe.failure;
            }
            return new Selected(i, guards[i], probe.value);
        }
        Request wake;
        synchronized (ch) {
            end.checkNotRetired();
            if (ch.isRemote() || !(write ? ch.tryWrite(self, i, value, false) : ch.tryRead(self, i, false))) {
                return null; // not ready (or its home moved away just now: phase 2 offers it there)
            }
            wake = ch.takeWake();
        }
        return outcome(self, guards, wake);
    }

    /** Whether the guards could fire without waiting: a Skip, or a Timeout of zero. */
    private static boolean mayNotWait(Guard[] guards) {
        for (Guard g : guards) {
            if (g instanceof Skip || (g instanceof Timeout t && t.nanos() == 0)) {
                return true;
            }
        }
        return false;
    }

    /** Takes back the offers of an alternation that is over, here and at other homes. */
    private static void withdraw(Request self, Guard[] guards, Offer[] offers, boolean[] offeredRemotely) {
        boolean remote = false;
        for (int i = 0; i < guards.length; i++) {
            if (offers[i] != null) {
                channelOf(guards[i]).withdraw(offers[i], guards[i] instanceof OutputGuard<?>);
            }
            if (offeredRemotely[i]) {
                channelOf(guards[i]).withdrawEverywhere(self);
                remote = true;
            }
        }
        if (remote) {
            Network.get().forget(self);
        }
    }

    private static Channel<?> channelOf(Guard guard) {
        return guard instanceof OutputGuard<?> o ? o.writer().channel() : ((ChannelReader<?>) guard).channel();
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
