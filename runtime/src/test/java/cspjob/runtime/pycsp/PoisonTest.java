package cspjob.runtime.pycsp;

import static cspjob.runtime.pycsp.TestProcesses.readerUntilEnd;
import static cspjob.runtime.pycsp.TestProcesses.syncList;
import static cspjob.runtime.pycsp.TestProcesses.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.runtime.Alternation;
import cspjob.runtime.Channel;
import cspjob.runtime.ChannelPoisonedException;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspProcess;
import cspjob.runtime.Selected;
import cspjob.runtime.pycsp.TestProcesses.Then;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Poison: PyCSP's test/poisontest.py, examples/TerminationRacePoison.py, examples/Sieve.py,
 * examples/Fibonacci.py, and the way pycsp/parallel/process.py poisons the ends a process was
 * given ({@code __check_poison}).
 *
 * <p>On unbuffered channels a write completes only together with its read, so in every scenario
 * the messages read must be exactly the writes that completed, however the poison raced them.
 *
 * <p>Not ported: test/win32/poisontest_win32_processes.py, the same scenarios on PyCSP's
 * Windows process implementation (an OS-process kind; the jvm kind is not part of this runtime).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoisonTest {
    private static final int CNT = 10;

    /**
     * test/poisontest.py One2One_Test: a writer of 10 poisons its channel; the reader has all 10
     * (Assert count=10) and then ends by the poison, which later reads still meet.
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void readerGetsEveryMessageWrittenBeforeThePoison(Sleeper readSleeper, Sleeper writeSleeper) {
        Channel<Msg> c1 = new Channel<>("C1");
        List<Msg> got = syncList();

        List<Object> results = Csp.parallel(
                readerUntilEnd(c1.reader(), readSleeper, got),
                writer(c1.writer(), 1, CNT, writeSleeper, Then.POISON, syncList()));

        assertEquals(Collections.nCopies(2, null), results);
        assertEquals(Checks.sent(1, CNT), got);
        ChannelPoisonedException late = assertThrows(ChannelPoisonedException.class, () -> c1.reader().read());
        assertEquals("C1", late.channelName());
        assertTrue(late.getMessage().contains("'C1'") && late.getMessage().contains("poisoned"), late.getMessage());
    }

    /**
     * test/poisontest.py Any2One_Alting_Test: four writers each poison their channel after 10; the
     * alting reader ends at the first poison and poisons its other inputs, which ends the other
     * writers (Assert count=40, minimum=10).
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void altingReaderEndsAtTheFirstPoisonAndStopsEveryWriter(Sleeper readSleeper, Sleeper writeSleeper) {
        List<Channel<Msg>> channels = new ArrayList<>();
        List<CspProcess> processes = new ArrayList<>();
        List<Msg> written = syncList();
        for (int k = 0; k < 4; k++) {
            Channel<Msg> c = new Channel<>("C" + (k + 1));
            channels.add(c);
            processes.add(writer(c.writer(), k, CNT, writeSleeper, Then.POISON, written));
        }
        List<ChannelReader<Msg>> ins = channels.stream().map(Channel::reader).toList();
        List<Msg> got = syncList();
        processes.add(() -> {
            while (true) {
                readSleeper.sleep();
                Selected s = Alternation.select(ins.get(0), ins.get(1), ins.get(2), ins.get(3));
                got.add(s.value());
            }
        });

        List<Object> results = Csp.parallel(processes);

        assertEquals(Collections.nCopies(5, null), results);
        Checks.assertExactlyOnce(written, got);
        Checks.assertCountBetween(CNT, 4 * CNT, got);
        assertTrue(channels.stream().allMatch(Channel::isPoisoned), "the reader poisons every end it was given");
    }

    /**
     * test/poisontest.py Any2Any_Test: four writers and four readers on one channel; the first
     * writer done poisons it and everyone stops (Assert count=40, minimum=10).
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void anyToAnyStopsAtTheFirstPoisonWithoutLosingACompletedWrite(Sleeper readSleeper, Sleeper writeSleeper) {
        Channel<Msg> c1 = new Channel<>("C1");
        List<CspProcess> processes = new ArrayList<>();
        List<Msg> written = syncList();
        List<Msg> got = syncList();
        for (int k = 0; k < 4; k++) {
            processes.add(readerUntilEnd(c1.reader(), readSleeper, got));
            processes.add(writer(c1.writer(), k, CNT, writeSleeper, Then.POISON, written));
        }

        List<Object> results = Csp.parallel(processes);

        assertEquals(Collections.nCopies(8, null), results);
        Checks.assertExactlyOnce(written, got);
        Checks.assertCountBetween(CNT, 4 * CNT, got);
    }

    /**
     * test/poisontest.py Any_Alting2Any_Alting_Test (run with no sleepers, once per loop of the
     * original): two writers offer 40 values each on four channels and then poison them all; two
     * alting readers read until poisoned (Assert count=80, minimum=40).
     */
    @RepeatedTest(8)
    void altingWritersAndAltingReadersStopAtThePoison() {
        List<Channel<Msg>> channels = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            channels.add(new Channel<>("C" + (k + 1)));
        }
        List<CspProcess> processes = new ArrayList<>();
        List<Msg> written = syncList();
        for (int w = 0; w < 2; w++) {
            int id = w;
            List<ChannelWriter<Msg>> outs = channels.stream().map(Channel::writer).toList();
            processes.add(() -> {
                for (int i = 0; i < 4 * CNT; i++) {
                    Msg m = new Msg(id, i);
                    Alternation.select(outs.get(0).guard(m), outs.get(1).guard(m), outs.get(2).guard(m), outs.get(3).guard(m));
                    written.add(m);
                }
                outs.forEach(ChannelWriter::poison);
            });
        }
        List<Msg> got = syncList();
        for (int r = 0; r < 2; r++) {
            List<ChannelReader<Msg>> ins = channels.stream().map(Channel::reader).toList();
            processes.add(() -> {
                while (true) {
                    got.add(Alternation.select(ins.get(0), ins.get(1), ins.get(2), ins.get(3)).value());
                }
            });
        }

        List<Object> results = Csp.parallel(processes);

        assertEquals(Collections.nCopies(4, null), results);
        Checks.assertExactlyOnce(written, got);
        Checks.assertCountBetween(4 * CNT, 8 * CNT, got);
    }

    /**
     * examples/TerminationRacePoison.py: five sources write 10 lines each and poison the shared
     * channel; five sinks print until poisoned. The network ends; what was read is exactly what
     * was written, at least the 10 lines of the first source to finish.
     */
    @Test
    void terminationRaceWithPoisonEndsTheNetwork() {
        Channel<String> chan = new Channel<>();
        List<String> written = syncList();
        List<String> printed = syncList();
        List<CspProcess> processes = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            int source = s;
            ChannelWriter<String> out = chan.writer();
            processes.add(() -> {
                for (int i = 0; i < 10; i++) {
                    String line = "Hello world (" + i + ") from " + source;
                    out.write(line);
                    written.add(line);
                }
                out.poison();
            });
        }
        for (int s = 0; s < 5; s++) {
            ChannelReader<String> in = chan.reader();
            processes.add(() -> {
                while (true) {
                    printed.add(in.read());
                }
            });
        }

        List<Object> results = Csp.parallel(processes);

        assertEquals(Collections.nCopies(10, null), results);
        assertEquals(sortedCopy(written), sortedCopy(printed));
        assertTrue(printed.size() >= 10 && printed.size() <= 50, printed.size() + " lines");
    }

    /**
     * examples/Sieve.py: a producer of 2..39 and a chain of workers, each keeping the first number
     * it gets as its prime and spawning the next worker for what is not a multiple of it; the
     * producer's poison travels down the chain, and the last worker poisons the printer.
     */
    @Test
    void sieveOfSpawnedWorkersPrintsThePrimesAndShutsDownByPoison() {
        Channel<Integer> first = new Channel<>("first");
        Channel<Integer> outc = new Channel<>("outc");
        List<Integer> printed = syncList();
        CspProcess producer = producer(first.writer(), 40);
        CspProcess printer = printer(outc.reader(), printed);

        List<Object> results = Csp.parallel(producer, new SieveWorker(first.reader(), outc.writer()), printer);
        Csp.shutdown();

        assertEquals(Collections.nCopies(3, null), results);
        assertEquals(List.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37), printed);
        assertTrue(first.isPoisoned() && outc.isPoisoned());
    }

    /**
     * examples/Fibonacci.py with pycsp/common/plugNplay.py: two Prefix processes, Delta2, and Pairs,
     * itself a Parallel of Delta2, Plus and Tail; the printer reads the first 20 Fibonacci numbers
     * and poisons its input, which shuts down the network, the nested one included.
     */
    @Test
    void fibonacciNetworkWithANestedParallelShutsDownByPoison() {
        Channel<Integer> a = new Channel<>("A");
        Channel<Integer> b = new Channel<>("B");
        Channel<Integer> c = new Channel<>("C");
        Channel<Integer> d = new Channel<>("D");
        Channel<Integer> printC = new Channel<>();
        List<Integer> printed = syncList();
        List<Channel<Integer>> inner = syncList();
        ChannelReader<Integer> pairsIn = d.reader();
        ChannelWriter<Integer> pairsOut = c.writer();
        CspProcess pairs = () -> {
            Channel<Integer> pA = new Channel<>("pA");
            Channel<Integer> pB = new Channel<>("pB");
            Channel<Integer> pC = new Channel<>("pC");
            inner.addAll(List.of(pA, pB, pC));
            Csp.parallel(
                    new Commstime.AltDelta2(pairsIn, pA.writer(), pB.writer()),
                    plus(pA.reader(), pC.reader(), pairsOut),
                    tail(pB.reader(), pC.writer()));
        };
        ChannelReader<Integer> printIn = printC.reader();
        CspProcess printer = () -> {
            for (int i = 0; i < 20; i++) {
                printed.add(printIn.read());
            }
            printIn.poison();
        };

        List<Object> results = Csp.parallel(
                new Commstime.Prefix(b.reader(), a.writer(), 0),
                new Commstime.Prefix(c.reader(), b.writer(), 1),
                pairs,
                new Commstime.AltDelta2(a.reader(), d.writer(), printC.writer()),
                printer);

        assertEquals(Collections.nCopies(5, null), results);
        assertEquals(List.of(0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181), printed);
        assertEquals(3, inner.size());
        assertTrue(inner.stream().allMatch(Channel::isPoisoned), "the poison reaches the channels inside Pairs");
    }

    /** plugNplay's Plus: adds one value from each input. */
    private static CspProcess plus(ChannelReader<Integer> in1, ChannelReader<Integer> in2, ChannelWriter<Integer> out) {
        return () -> {
            while (true) {
                out.write(in1.read() + in2.read());
            }
        };
    }

    /** plugNplay's Tail: drops the first value, then copies. */
    private static CspProcess tail(ChannelReader<Integer> in, ChannelWriter<Integer> out) {
        return () -> {
            in.read();
            while (true) {
                out.write(in.read());
            }
        };
    }

    private static CspProcess producer(ChannelWriter<Integer> cout, int cnt) {
        return () -> {
            for (int i = 2; i < cnt; i++) {
                cout.write(i);
            }
            cout.poison();
        };
    }

    private static CspProcess printer(ChannelReader<Integer> cin, List<Integer> printed) {
        return () -> {
            while (true) {
                printed.add(cin.read());
            }
        };
    }

    /** Sieve.py's worker: catches the poison itself and passes it on to its child, or to the printer if it has none. */
    record SieveWorker(ChannelReader<Integer> cin, ChannelWriter<Integer> cout) implements CspProcess {
        @Override
        public void run() {
            ChannelWriter<Integer> ccout = null;
            try {
                int myPrime = cin.read();
                cout.write(myPrime);
                Channel<Integer> child = new Channel<>();
                ccout = child.writer();
                Csp.spawn(new SieveWorker(child.reader(), cout));
                while (true) {
                    int n = cin.read();
                    if (n % myPrime != 0) {
                        ccout.write(n);
                    }
                }
            } catch (ChannelPoisonedException e) {
                (ccout != null ? ccout : cout).poison();
            }
        }
    }

    /**
     * pycsp/parallel/process.py {@code __check_poison}: a process that dies of poison poisons the
     * ends in its arguments, looking into lists (and lists of lists) recursively. Here a process
     * holds a 2 x 2 grid of writer ends, as a stencil code would.
     */
    @Test
    void poisonReachesEndsInAListOfLists() {
        Channel<Integer> trigger = new Channel<>("trigger");
        ChannelReader<Integer> in = trigger.reader();
        List<List<Channel<Integer>>> grid = List.of(
                List.of(new Channel<>("g00"), new Channel<>("g01")),
                List.of(new Channel<>("g10"), new Channel<>("g11")));
        List<List<ChannelWriter<Integer>>> outs = grid.stream().map(row -> row.stream().map(Channel::writer).toList()).toList();
        CspProcess stencil = () -> {
            while (true) {
                int v = in.read();
                outs.forEach(row -> row.forEach(out -> out.write(v)));
            }
        };

        Csp.parallel(stencil, () -> trigger.writer().poison());

        grid.forEach(row -> row.forEach(c -> assertTrue(c.isPoisoned(), c.name() + " is not poisoned")));
    }

    /**
     * pycsp/parallel/process.py {@code __check_poison}: a dictionary argument has its keys and its
     * values searched for ends (old PyCSP alternations were dictionaries keyed by input ends).
     */
    @Test
    void poisonReachesEndsUsedAsMapKeys() {
        Channel<Integer> a = new Channel<>("a");
        Channel<Integer> b = new Channel<>("b");
        Map<ChannelReader<Integer>, String> guards = new LinkedHashMap<>();
        guards.put(a.reader(), "from a");
        guards.put(b.reader(), "from b");
        CspProcess alting = () -> {
            List<ChannelReader<Integer>> ins = new ArrayList<>(guards.keySet());
            while (true) {
                Alternation.priSelect(ins.get(0), ins.get(1));
            }
        };
        ChannelWriter<Integer> aOut = a.writer();

        Csp.parallel(alting, aOut::poison);

        assertTrue(a.isPoisoned());
        assertTrue(b.isPoisoned(), "b's reader end is a key of the process's map, so it is poisoned too");
    }

    private static List<String> sortedCopy(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }
}
