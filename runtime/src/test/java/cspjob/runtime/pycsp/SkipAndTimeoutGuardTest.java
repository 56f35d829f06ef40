package cspjob.runtime.pycsp;

import static cspjob.runtime.pycsp.TestProcesses.syncList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.runtime.Alternation;
import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspProcess;
import cspjob.runtime.Guard;
import cspjob.runtime.Selected;
import cspjob.runtime.Skip;
import cspjob.runtime.Timeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Skip and Timeout guards: PyCSP's test/guardtest.py, and the doctests of
 * pycsp/parallel/altselect.py (PriSelect, AltSelect, FairSelect) and pycsp/parallel/guard.py.
 *
 * <p>Scaling: guardtest.py sleeps up to 0.5 s (reader) and 2 s (writers) around a 0.1 s timeout;
 * here the same ratios run 100 times faster. No test asserts how long anything took.
 *
 * <p>Not ported: {@code action="print ..."} strings evaluated by PyCSP's Alternation; the
 * {@code *_exec} scenarios run the same actions as Java lambdas chosen by the guard that fired.
 */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class SkipAndTimeoutGuardTest {
    private static final int CNT = 10;
    private static final Pattern FROM = Pattern.compile("From cin(\\d) got \\((\\d+), (\\d+)\\)");

    /**
     * test/guardtest.py Any2One_Alting_Test(par_reader_skip_sel, sleep_random, sleep_random): a
     * reader chooses 40 times among four inputs and a Skip in the middle, then retires; the Skip
     * reads nothing, the inputs read their writers' messages in order, and the writers left
     * waiting end by the retirement.
     */
    @Test
    void skipAmongInputsThenRetire() {
        Network net = new Network(1, CNT, 500, 0);
        List<Selected> choices = syncList();
        net.run(ins -> () -> {
            for (int i = 0; i < 4 * CNT; i++) {
                pause(5000);
                choices.add(Alternation.select(ins.get(0), ins.get(1), Skip.SKIP, ins.get(2), ins.get(3)));
            }
            ins.forEach(ChannelReader::retire);
        });

        assertEquals(4 * CNT, choices.size());
        checkChoices(choices, new int[] {0, 1, -1, 2, 3});
    }

    /**
     * test/guardtest.py Any2One_Alting_Test(par_reader_timeout_sel, sleep_random, sleep_long_random):
     * as above with a Timeout after the inputs and slow writers.
     */
    @Test
    void timeoutAfterInputsThenRetire() {
        Network net = new Network(1, CNT, 20_000, 0);
        List<Selected> choices = syncList();
        net.run(ins -> () -> {
            for (int i = 0; i < 4 * CNT; i++) {
                pause(5000);
                choices.add(Alternation.select(ins.get(0), ins.get(1), ins.get(2), ins.get(3), Timeout.millis(1)));
            }
            ins.forEach(ChannelReader::retire);
        });

        assertEquals(4 * CNT, choices.size());
        checkChoices(choices, new int[] {0, 1, 2, 3, -1});
    }

    /**
     * test/guardtest.py Any2One_Alting_Test(par_reader_skip_exec, ...): the skip scenario with an
     * action per guard, run for the guard that fired with the value it read.
     */
    @Test
    void skipAmongInputsWithActions() {
        Network net = new Network(1, CNT, 500, 0);
        List<String> printed = syncList();
        net.run(ins -> () -> {
            List<Consumer<Object>> actions = List.of(
                    v -> printed.add("From cin1 got " + v),
                    v -> printed.add("From cin2 got " + v),
                    v -> printed.add("SkipGuard()"),
                    v -> printed.add("From cin3 got " + v),
                    v -> printed.add("From cin4 got " + v));
            for (int i = 0; i < 4 * CNT; i++) {
                pause(5000);
                Selected s = Alternation.select(ins.get(0), ins.get(1), Skip.SKIP, ins.get(2), ins.get(3));
                actions.get(s.index()).accept(s.value());
            }
            ins.forEach(ChannelReader::retire);
        });

        checkPrinted(printed, "SkipGuard()");
    }

    /** test/guardtest.py Any2One_Alting_Test(par_reader_timeout_exec, ...): the timeout scenario with actions. */
    @Test
    void timeoutAfterInputsWithActions() {
        Network net = new Network(1, CNT, 20_000, 0);
        List<String> printed = syncList();
        net.run(ins -> () -> {
            List<Consumer<Object>> actions = List.of(
                    v -> printed.add("From cin1 got " + v),
                    v -> printed.add("From cin2 got " + v),
                    v -> printed.add("From cin3 got " + v),
                    v -> printed.add("From cin4 got " + v),
                    v -> printed.add("TimeoutGuard(seconds=0.1)"));
            for (int i = 0; i < 4 * CNT; i++) {
                pause(5000);
                Selected s = Alternation.select(ins.get(0), ins.get(1), ins.get(2), ins.get(3), Timeout.millis(1));
                actions.get(s.index()).accept(s.value());
            }
            ins.forEach(ChannelReader::retire);
        });

        checkPrinted(printed, "TimeoutGuard(seconds=0.1)");
    }

    /**
     * test/guardtest.py Any2Any_Alting_Test(par_reader_skip_sel, None, sleep_long): sixteen slow
     * writers, four per channel, 40 messages each; a reader that never waits chooses 160 times
     * with a Skip, then retires, which ends every writer.
     */
    @Test
    void skipWithSixteenSlowWritersThenRetire() {
        Network net = new Network(4, 4 * CNT, 2000, 2000);
        List<Selected> choices = syncList();
        net.run(ins -> () -> {
            for (int i = 0; i < 16 * CNT; i++) {
                choices.add(Alternation.select(ins.get(0), ins.get(1), Skip.SKIP, ins.get(2), ins.get(3)));
            }
            ins.forEach(ChannelReader::retire);
        });

        assertEquals(16 * CNT, choices.size());
        checkChoices(choices, new int[] {0, 1, -1, 2, 3});
    }

    /** test/guardtest.py Any2Any_Alting_Test(par_reader_timeout_sel, None, sleep_long): as above with a Timeout. */
    @Test
    void timeoutWithSixteenSlowWritersThenRetire() {
        Network net = new Network(4, 4 * CNT, 20_000, 20_000);
        List<Selected> choices = syncList();
        net.run(ins -> () -> {
            for (int i = 0; i < 16 * CNT; i++) {
                choices.add(Alternation.select(ins.get(0), ins.get(1), ins.get(2), ins.get(3), Timeout.millis(1)));
            }
            ins.forEach(ChannelReader::retire);
        });

        assertEquals(16 * CNT, choices.size());
        checkChoices(choices, new int[] {0, 1, 2, 3, -1});
    }

    /**
     * pycsp/parallel/altselect.py, PriSelect doctest: {@code PriSelect(InputGuard(cin), SkipGuard())}
     * with no writer chooses the Skip, with no message.
     */
    @Test
    void priSelectChoosesSkipWhenTheInputIsNotReady() {
        Channel<Integer> c = new Channel<>("C");
        ChannelReader<Integer> cin = c.reader();

        Selected s = Alternation.priSelect(cin, Skip.SKIP);

        assertEquals(1, s.index());
        assertTrue(s.is(Skip.SKIP));
        assertNull(s.value());
    }

    /**
     * pycsp/parallel/guard.py, SkipGuard doctest: {@code AltSelect(InputGuard(Cin), SkipGuard())}
     * with no writer chooses the Skip.
     */
    @Test
    void altSelectChoosesSkipWhenTheInputIsNotReady() {
        Channel<Integer> c = new Channel<>();
        ChannelReader<Integer> cin = c.reader();

        for (int i = 0; i < 20; i++) {
            Selected s = Alternation.select(cin, Skip.SKIP);
            assertSame(Skip.SKIP, s.guard());
            assertNull(s.value());
        }
    }

    /**
     * pycsp/parallel/altselect.py, PriSelect doctest: an input with no writer, an output with no
     * reader and a 0.1 s timeout: the timeout fires ("timeout None"), and neither channel is left
     * with a ghost offer.
     */
    @Test
    void priSelectTimesOutWhenNoGuardHasAPartner() {
        timesOutWithoutGhostOffers(Alternation::priSelect);
    }

    /** pycsp/parallel/altselect.py, AltSelect doctest: the same with AltSelect. */
    @Test
    void altSelectTimesOutWhenNoGuardHasAPartner() {
        timesOutWithoutGhostOffers(Alternation::select);
    }

    private static void timesOutWithoutGhostOffers(Function<Guard[], Selected> choose) {
        Channel<Object> a = new Channel<>("A");
        Channel<Object> b = new Channel<>("B");
        ChannelReader<Object> cin = a.reader();
        ChannelWriter<Object> cout = b.writer();
        Timeout timeout = Timeout.after(Duration.ofMillis(100));

        Selected s = choose.apply(new Guard[] {cin, cout.guard(List.of(List.of(1, 2), List.of(3))), timeout});

        assertEquals(2, s.index());
        assertSame(timeout, s.guard());
        assertNull(s.value());
        // The offers of the guards that did not fire are gone: nobody waits on A, nothing is pending on B.
        assertTrue(Alternation.priSelect(a.writer().guard("late"), Skip.SKIP).is(Skip.SKIP), "a reader still waits on A");
        assertTrue(Alternation.priSelect(b.reader(), Skip.SKIP).is(Skip.SKIP), "a value is still pending on B");
    }

    /**
     * pycsp/parallel/altselect.py, PriSelect doctest: two writers of 0..4 and a reader that
     * PriSelects 10 times between them; the values read, sorted, are [0, 0, 1, 1, ..., 4, 4].
     */
    @Test
    void priSelectReadsEveryValueOfBothWriters() {
        readsEveryValueOfBothWriters(Alternation::priSelect);
    }

    /** pycsp/parallel/altselect.py, AltSelect doctest: the same with AltSelect. */
    @Test
    void altSelectReadsEveryValueOfBothWriters() {
        readsEveryValueOfBothWriters(Alternation::select);
    }

    private static void readsEveryValueOfBothWriters(Function<Guard[], Selected> choose) {
        Channel<Integer> c1 = new Channel<>();
        Channel<Integer> c2 = new Channel<>();
        ChannelReader<Integer> cin1 = c1.reader();
        ChannelReader<Integer> cin2 = c2.reader();
        List<Integer> l = syncList();
        Function<ChannelWriter<Integer>, CspProcess> p1 = cout -> () -> {
            for (int i = 0; i < 5; i++) {
                cout.write(i);
            }
        };
        CspProcess p2 = () -> {
            for (int i = 0; i < 10; i++) {
                Selected s = choose.apply(new Guard[] {cin1, cin2});
                l.add(s.value());
            }
        };

        Csp.parallel(p1.apply(c1.writer()), p1.apply(c2.writer()), p2);

        List<Integer> sorted = new ArrayList<>(l);
        Collections.sort(sorted);
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3, 4, 4), sorted);
    }

    /**
     * pycsp/parallel/altselect.py, FairSelect: "Timer and Skip guards are always given lowest
     * priority". A FairSelect between an input that always has a value and a Skip reads every time.
     */
    @Test
    void fairSelectNeverPrefersSkipOverAReadyInput() {
        Channel<Integer> c = new Channel<>("c", 10);
        ChannelWriter<Integer> out = c.writer();
        for (int i = 0; i < 10; i++) {
            out.write(i);
        }
        ChannelReader<Integer> in = c.reader();
        Alternation fair = new Alternation();
        List<Object> chosen = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            Selected s = fair.fairSelect(in, Skip.SKIP);
            chosen.add(s.is(in) ? s.value() : "skip");
        }

        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), chosen);
    }

    // ---- guardtest.py's network: writers of (id, i) on four channels, and one choosing reader ----

    /**
     * {@code perChannel} writers on each of four channels, writer {@code k} on channel
     * {@code k / perChannel}, {@code count} messages each, pausing up to {@code maxWriterPauseMicros}
     * (plus a fixed {@code fixedWriterPauseMicros}) before each; they neither retire nor poison.
     */
    private record Network(int perChannel, int count, long maxWriterPauseMicros, long fixedWriterPauseMicros) {

        /** Runs the writers and the reader made by {@code reader} from the four reader ends; all must end normally. */
        void run(Function<List<ChannelReader<Msg>>, CspProcess> reader) {
            List<ChannelReader<Msg>> ins = new ArrayList<>();
            List<CspProcess> processes = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Channel<Msg> c = new Channel<>("c" + (k + 1));
                ins.add(c.reader());
                for (int w = 0; w < perChannel; w++) {
                    int id = k * perChannel + w;
                    ChannelWriter<Msg> out = c.writer();
                    processes.add(() -> {
                        for (int i = 0; i < count; i++) {
                            pause(maxWriterPauseMicros);
                            if (fixedWriterPauseMicros > 0) {
                                Thread.sleep(Duration.ofNanos(fixedWriterPauseMicros * 1000));
                            }
                            out.write(new Msg(id, i));
                        }
                    });
                }
            }
            processes.add(reader.apply(ins));

            List<Object> results = Csp.parallel(processes);

            assertEquals(Collections.nCopies(processes.size(), null), results, "every writer ends, by retirement if not done");
        }
    }

    /**
     * Every choice is either the non-channel guard (at the guard index mapped to -1), with no
     * value, or a message from a writer of the channel at that index; each writer's messages
     * arrive in order and at most once.
     */
    private static void checkChoices(List<Selected> choices, int[] channelOfGuard) {
        List<Msg> received = new ArrayList<>();
        for (Selected s : choices) {
            int channel = channelOfGuard[s.index()];
            if (channel < 0) {
                assertTrue(s.guard() instanceof Skip || s.guard() instanceof Timeout, "guard " + s.guard());
                assertNull(s.value());
            } else {
                Msg m = s.value();
                assertTrue(s.guard() instanceof ChannelReader<?> r && r.channel().name().equals("c" + (channel + 1)));
                received.add(m);
            }
        }
        Checks.assertInOrderPerWriter(received);
        for (Msg m : received) {
            assertTrue(m.i() == 0 || received.contains(new Msg(m.id(), m.i() - 1)), "a message before " + m + " was lost");
        }
        assertEquals(received.size(), received.stream().distinct().count(), "a message was read twice: " + received);
    }

    /** The log of the *_exec scenarios: 40 lines, each an input line whose cin matches the sender, or the other guard's line. */
    private static void checkPrinted(List<String> printed, String otherGuardLine) {
        assertEquals(4 * CNT, printed.size());
        List<Msg> received = new ArrayList<>();
        for (String line : printed) {
            if (line.equals(otherGuardLine)) {
                continue;
            }
            Matcher m = FROM.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(Integer.parseInt(m.group(1)) - 1, Integer.parseInt(m.group(2)), "cin" + m.group(1) + " is written by writer " + m.group(2) + ": " + line);
            received.add(new Msg(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        Checks.assertInOrderPerWriter(received);
    }

    private static void pause(long maxMicros) {
        long micros = ThreadLocalRandom.current().nextLong(maxMicros + 1);
        try {
            Thread.sleep(Duration.ofNanos(micros * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
