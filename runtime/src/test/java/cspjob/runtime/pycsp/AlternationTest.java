package cspjob.runtime.pycsp;

import static cspjob.runtime.pycsp.TestProcesses.reader;
import static cspjob.runtime.pycsp.TestProcesses.syncList;
import static cspjob.runtime.pycsp.TestProcesses.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.runtime.Alternation;
import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspProcess;
import cspjob.runtime.Guard;
import cspjob.runtime.Selected;
import cspjob.runtime.pycsp.TestProcesses.Then;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Alternation over input and output guards: the alting scenarios of PyCSP's test/commtest.py,
 * test/autotest.py (AltSelect, FairSelect, PriSelect readers), test/selecttest.py, and the
 * examples that exercise two-sided choice. Skip and Timeout guards are in {@link SkipAndTimeoutGuardTest}.
 *
 * <p>Not ported: the {@code @choice} actions of these files only print or forward the id of the
 * chosen guard; here the test dispatches on {@link Selected} and records the same facts.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AlternationTest {
    private static final int CNT = 10;

    /** One message as a choosing process saw it: which guard fired, and the message. */
    record Choice(int guard, Msg msg) {
    }

    /**
     * test/commtest.py Any2One_Alting_Test: one reader chooses 40 times among four channels, each
     * with a writer of 10; every writer's messages arrive on its own guard, in order.
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void anyToOneAltingReaderGetsEveryMessageOnItsOwnGuard(Sleeper readSleeper, Sleeper writeSleeper) {
        List<ChannelReader<Msg>> ins = new ArrayList<>();
        List<CspProcess> processes = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Channel<Msg> c = new Channel<>("c" + (k + 1));
            ins.add(c.reader());
            processes.add(writer(c.writer(), k, CNT, writeSleeper, Then.NOTHING, syncList()));
        }
        List<Choice> choices = syncList();
        processes.add(() -> {
            for (int i = 0; i < 4 * CNT; i++) {
                readSleeper.sleep();
                Selected s = Alternation.select(ins.get(0), ins.get(1), ins.get(2), ins.get(3));
                choices.add(new Choice(s.index(), s.value()));
            }
        });

        Csp.parallel(processes);

        assertEquals(4 * CNT, choices.size());
        for (int k = 0; k < 4; k++) {
            assertEquals(Checks.sent(k, CNT), messagesOnGuard(choices, k), "guard " + k);
        }
    }

    /**
     * test/commtest.py One_Alting2Any_Test: one writer offers each of 40 values on four channels at
     * once; each of four readers reads 10, and gets exactly what was written on its channel.
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void oneAltingWriterFeedsFourReaders(Sleeper readSleeper, Sleeper writeSleeper) {
        List<ChannelWriter<Msg>> outs = new ArrayList<>();
        List<CspProcess> processes = new ArrayList<>();
        List<List<Msg>> got = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Channel<Msg> c = new Channel<>("c" + (k + 1));
            outs.add(c.writer());
            List<Msg> mine = syncList();
            got.add(mine);
            processes.add(reader(c.reader(), CNT, readSleeper, mine));
        }
        List<Choice> chosen = syncList();
        processes.add(altingWriter(outs, 0, 4 * CNT, writeSleeper, chosen));

        Csp.parallel(processes);

        for (int k = 0; k < 4; k++) {
            assertEquals(CNT, got.get(k).size());
            assertEquals(messagesOnGuard(chosen, k), got.get(k), "channel c" + (k + 1));
        }
    }

    /**
     * test/commtest.py Any_Alting2Any_Alting_Test: four writers each offer 40 values on four
     * channels, four readers each choose 40 times among the same channels (two-sided choice).
     * Every message is read once, on the channel its writer saw chosen.
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void anyAltingToAnyAltingMatchesEveryWriteWithOneRead(Sleeper readSleeper, Sleeper writeSleeper) {
        List<Channel<Msg>> channels = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            channels.add(new Channel<>("c" + (k + 1)));
        }
        List<CspProcess> processes = new ArrayList<>();
        List<Choice> written = syncList();
        for (int w = 0; w < 4; w++) {
            processes.add(altingWriter(channels.stream().map(Channel::writer).toList(), w, 4 * CNT, writeSleeper, written));
        }
        List<Choice> read = syncList();
        for (int r = 0; r < 4; r++) {
            List<ChannelReader<Msg>> ins = channels.stream().map(Channel::reader).toList();
            processes.add(() -> {
                for (int i = 0; i < 4 * CNT; i++) {
                    readSleeper.sleep();
                    Selected s = Alternation.select(ins.get(0), ins.get(1), ins.get(2), ins.get(3));
                    read.add(new Choice(s.index(), s.value()));
                }
            });
        }

        Csp.parallel(processes);

        assertEquals(16 * CNT, read.size());
        assertEquals(Collections.emptySet(), difference(written, read), "written but not read on that channel");
        assertEquals(Collections.emptySet(), difference(read, written), "read but not written on that channel");
        Checks.assertExactlyOnce(Checks.sentByAll(4, 4 * CNT), read.stream().map(Choice::msg).toList());
    }

    /**
     * test/autotest.py Any2One_Alting_Test: an AltSelect reader over four channels whose writers
     * retire after 10 each; the reader ends at the first retired channel (Assert count=40, minimum=10).
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void altSelectReaderEndsWhenAWriterRetires(Sleeper readSleeper, Sleeper writeSleeper) {
        anyToOneChoosingReaderUntilRetired(() -> Alternation::select, readSleeper, writeSleeper);
    }

    /** test/autotest.py Any2One_FairAlting_Test: as above with a FairSelect reader. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void fairSelectReaderEndsWhenAWriterRetires(Sleeper readSleeper, Sleeper writeSleeper) {
        anyToOneChoosingReaderUntilRetired(() -> new Alternation()::fairSelect, readSleeper, writeSleeper);
    }

    /** test/autotest.py Any2One_PriAlting_Test: as above with a PriSelect reader. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void priSelectReaderEndsWhenAWriterRetires(Sleeper readSleeper, Sleeper writeSleeper) {
        anyToOneChoosingReaderUntilRetired(() -> Alternation::priSelect, readSleeper, writeSleeper);
    }

    private static void anyToOneChoosingReaderUntilRetired(Supplier<Function<Guard[], Selected>> chooser,
                                                           Sleeper readSleeper, Sleeper writeSleeper) {
        List<ChannelReader<Msg>> ins = new ArrayList<>();
        List<CspProcess> processes = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Channel<Msg> c = new Channel<>("c" + (k + 1));
            ins.add(c.reader());
            processes.add(writer(c.writer(), k, CNT, writeSleeper, Then.RETIRE, syncList()));
        }
        List<Choice> choices = syncList();
        processes.add(() -> {
            Function<Guard[], Selected> choose = chooser.get();
            while (true) {
                readSleeper.sleep();
                Selected s = choose.apply(new Guard[] {ins.get(0), ins.get(1), ins.get(2), ins.get(3)});
                choices.add(new Choice(s.index(), s.value()));
            }
        });

        List<Object> results = Csp.parallel(processes);

        assertEquals(Collections.nCopies(5, null), results, "every process ends by retirement, none fails");
        Checks.assertCountBetween(CNT, 4 * CNT, choices);
        boolean oneComplete = false;
        for (int k = 0; k < 4; k++) {
            List<Msg> onGuard = messagesOnGuard(choices, k);
            assertEquals(Checks.sent(k, onGuard.size()), onGuard, "guard " + k + " delivers its writer's messages in order");
            oneComplete |= onGuard.size() == CNT;
        }
        assertTrue(oneComplete, "the writer that retired first had all 10 messages read: " + choices);
    }

    /**
     * test/selecttest.py Any2One_Alting_Test: a reader chooses 40 times among channels named C1..C4;
     * the chosen guard is the reader end of the channel the message was written on.
     */
    @Test
    void selectReportsTheChannelEndEachMessageCameFrom() {
        List<ChannelReader<Msg>> ins = new ArrayList<>();
        List<CspProcess> processes = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Channel<Msg> c = new Channel<>("C" + (k + 1));
            ins.add(c.reader());
            processes.add(writer(c.writer(), k, CNT, Sleeper.RANDOM, Then.NOTHING, syncList()));
        }
        List<String> printed = syncList();
        processes.add(() -> {
            for (int i = 0; i < 4 * CNT; i++) {
                Sleeper.RANDOM.sleep();
                Selected s = Alternation.select(ins.get(0), ins.get(1), ins.get(2), ins.get(3));
                Msg msg = s.value();
                printed.add("From " + ((ChannelReader<?>) s.guard()).channel().name() + " got " + msg);
                assertTrue(s.is(ins.get(msg.id())), "guard " + s.guard() + " for " + msg);
            }
        });

        Csp.parallel(processes);

        assertEquals(4 * CNT, printed.size());
        for (int k = 0; k < 4; k++) {
            String prefix = "From C" + (k + 1) + " got (" + k + ", ";
            assertEquals(CNT, printed.stream().filter(line -> line.startsWith(prefix)).count(), prefix + " in " + printed);
        }
    }

    /**
     * examples/problems/deadlock_doing_alternation_on_input_and_output_pre_0.6.1.py: four processes
     * in a ring (diamond), each choosing 10000 times between writing to its right neighbour and
     * reading from its left one; PyCSP before 0.6.1 deadlocked here. No deadlock, and every write
     * was matched by exactly one read.
     */
    @Test
    void ringOfInputOutputAlternationsNeverDeadlocksOrLosesAWrite() {
        int rounds = 10_000;
        List<Channel<Boolean>> c = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            c.add(new Channel<>("c" + k));
        }
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        Map<Integer, Integer> completedRounds = new ConcurrentHashMap<>();
        List<CspProcess> processes = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int id = k + 1;
            ChannelWriter<Boolean> out = c.get(k).writer();
            ChannelReader<Boolean> in = c.get((k + 1) % 4).reader();
            processes.add(() -> {
                for (int i = 0; i < rounds; i++) {
                    Selected s = Alternation.select(out.guard(true), in);
                    (s.is(out) ? writes : reads).incrementAndGet();
                    completedRounds.merge(id, 1, Integer::sum);
                }
                out.poison();
                in.poison();
            });
        }

        List<Object> results = Csp.parallel(processes);

        assertEquals(Collections.nCopies(4, null), results);
        assertEquals(writes.get(), reads.get(), "each completed write is one completed read");
        assertTrue(completedRounds.containsValue(rounds), "one process finished its rounds: " + completedRounds);
        assertTrue(c.stream().allMatch(Channel::isPoisoned), "poison reaches the whole ring");
    }

    /**
     * examples/CommstimeWithAlt.py: CommsTime where Delta2 offers its two outputs at once and then
     * does the other; the consumer still sees 0, 1, 2, ... and its poison ends the network.
     */
    @Test
    void commstimeWithOutputGuardsInDelta() {
        Channel<Integer> a = new Channel<>("a");
        Channel<Integer> b = new Channel<>("b");
        Channel<Integer> c = new Channel<>("c");
        Channel<Integer> d = new Channel<>("d");
        int n = 500;
        List<Integer> seen = syncList();

        Csp.parallel(
                new Commstime.Prefix(c.reader(), a.writer(), 0),
                new Commstime.AltDelta2(a.reader(), b.writer(), d.writer()),
                new Commstime.Successor(b.reader(), c.writer()),
                new Commstime.Consumer(d.reader(), n, seen));

        assertEquals(n + 1, seen.size());
        for (int i = 0; i <= n; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    /** commtest.py's {@code par_writer}: offers (id, i) on every channel at once and records the chosen one. */
    private static CspProcess altingWriter(List<ChannelWriter<Msg>> outs, int id, int count, Sleeper sleeper, List<Choice> chosen) {
        return () -> {
            for (int i = 0; i < count; i++) {
                sleeper.sleep();
                Msg m = new Msg(id, i);
                Selected s = Alternation.select(outs.get(0).guard(m), outs.get(1).guard(m), outs.get(2).guard(m), outs.get(3).guard(m));
                assertNotNull(s.guard());
                chosen.add(new Choice(s.index(), m));
            }
        };
    }

    private static List<Msg> messagesOnGuard(List<Choice> choices, int guard) {
        synchronized (choices) {
            return choices.stream().filter(ch -> ch.guard() == guard).map(Choice::msg).toList();
        }
    }

    private static java.util.Set<Choice> difference(List<Choice> a, List<Choice> b) {
        java.util.Set<Choice> rest = new java.util.HashSet<>(a);
        b.forEach(rest::remove);
        return rest;
    }
}
