package cspjob.runtime.pycsp;

import static cspjob.runtime.pycsp.TestProcesses.reader;
import static cspjob.runtime.pycsp.TestProcesses.syncList;
import static cspjob.runtime.pycsp.TestProcesses.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspFunction;
import cspjob.runtime.CspProcess;
import cspjob.runtime.pycsp.TestProcesses.Then;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain reads and writes on unbuffered channels: PyCSP's test/commtest.py (the scenarios without
 * alternation; those are in {@link AlternationTest}), test/commstime.py, and the channel-mobility
 * examples.
 *
 * <p>Not ported from these files:
 * <ul>
 *   <li>test/net_t2.py and test/connecttest.py: named network channels, {@code Channel(connect=...)},
 *       socket bind and connect errors. Networking is not part of the in-JVM runtime yet.</li>
 *   <li>The {@code @multiprocess} side of examples/MobileTest.py: ends crossing to another OS
 *       process needs the jvm process kind; the mobility itself is ported with virtual threads.</li>
 *   <li>pycsp/test/net_lat.py: a network latency benchmark, not a test.</li>
 * </ul>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChannelCommunicationTest {
    private static final int CNT = 10;

    /** test/commtest.py One2One_Test: four reader/writer pairs, each pair on its own channel. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void oneToOnePairsEachGetTheirWriterMessagesInOrder(Sleeper readSleeper, Sleeper writeSleeper) {
        List<CspProcess> processes = new ArrayList<>();
        List<List<Msg>> got = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Channel<Msg> c = new Channel<>("c" + (k + 1));
            List<Msg> mine = syncList();
            got.add(mine);
            processes.add(reader(c.reader(), CNT, readSleeper, mine));
            processes.add(writer(c.writer(), k, CNT, writeSleeper, Then.NOTHING, syncList()));
        }

        List<Object> results = Csp.parallel(processes);

        assertEquals(Collections.nCopies(8, null), results);
        for (int k = 0; k < 4; k++) {
            assertEquals(Checks.sent(k, CNT), got.get(k), "reader " + k);
        }
    }

    /** test/commtest.py Any2One_Test: four writers, one reader that reads all 40 values. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void anyToOneReaderGetsEveryMessageOnce(Sleeper readSleeper, Sleeper writeSleeper) {
        Channel<Msg> c1 = new Channel<>("c1");
        List<Msg> got = syncList();
        List<CspProcess> processes = new ArrayList<>();
        processes.add(reader(c1.reader(), 4 * CNT, readSleeper, got));
        for (int id = 0; id < 4; id++) {
            processes.add(writer(c1.writer(), id, CNT, writeSleeper, Then.NOTHING, syncList()));
        }

        Csp.parallel(processes);

        Checks.assertExactlyOnce(Checks.sentByAll(4, CNT), got);
        Checks.assertInOrderPerWriter(got);
    }

    /** test/commtest.py One2Any_Test: one writer of 40 values, four readers of 10 each. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void oneToAnyReadersShareTheMessagesWithoutLossOrDuplicates(Sleeper readSleeper, Sleeper writeSleeper) {
        Channel<Msg> c1 = new Channel<>("c1");
        List<CspProcess> processes = new ArrayList<>();
        processes.add(writer(c1.writer(), 0, 4 * CNT, writeSleeper, Then.NOTHING, syncList()));
        List<List<Msg>> got = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            List<Msg> mine = syncList();
            got.add(mine);
            processes.add(reader(c1.reader(), CNT, readSleeper, mine));
        }

        Csp.parallel(processes);

        List<Msg> all = new ArrayList<>();
        for (List<Msg> mine : got) {
            assertEquals(CNT, mine.size());
            Checks.assertInOrderPerWriter(mine);
            all.addAll(mine);
        }
        Checks.assertExactlyOnce(Checks.sent(0, 4 * CNT), all);
    }

    /** test/commtest.py Any2Any_Test: four writers and four readers on one channel. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void anyToAnyDeliversEveryMessageToExactlyOneReader(Sleeper readSleeper, Sleeper writeSleeper) {
        Channel<Msg> c1 = new Channel<>("c1");
        List<CspProcess> processes = new ArrayList<>();
        List<List<Msg>> got = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            List<Msg> mine = syncList();
            got.add(mine);
            processes.add(reader(c1.reader(), CNT, readSleeper, mine));
            processes.add(writer(c1.writer(), k, CNT, writeSleeper, Then.NOTHING, syncList()));
        }

        Csp.parallel(processes);

        List<Msg> all = new ArrayList<>();
        for (List<Msg> mine : got) {
            assertEquals(CNT, mine.size());
            Checks.assertInOrderPerWriter(mine);
            all.addAll(mine);
        }
        Checks.assertExactlyOnce(Checks.sentByAll(4, CNT), all);
    }

    /**
     * test/commstime.py CommsTimeBM: Prefix, Delta2, Successor and Consumer in a ring; the consumer
     * sees 0, 1, 2, ... and its poison shuts the whole cycle down.
     */
    @Test
    void commstimeCountsUpAndOnePoisonShutsTheCycleDown() {
        Channel<Integer> a = new Channel<>("a");
        Channel<Integer> b = new Channel<>("b");
        Channel<Integer> c = new Channel<>("c");
        Channel<Integer> d = new Channel<>("d");
        int n = 5000;
        List<Integer> seen = syncList();

        List<Object> results = Csp.parallel(
                new Commstime.Prefix(c.reader(), a.writer(), 0),
                new Commstime.Delta2(a.reader(), b.writer(), d.writer()),
                new Commstime.Successor(b.reader(), c.writer()),
                new Commstime.Consumer(d.reader(), n, seen));

        assertEquals(Collections.nCopies(4, null), results);
        assertEquals(n + 1, seen.size());
        for (int i = 0; i <= n; i++) {
            assertEquals(i, seen.get(i));
        }
        assertTrue(a.isPoisoned() && b.isPoisoned() && c.isPoisoned() && d.isPoisoned(),
                "poison must reach every channel of the ring");
    }

    /**
     * examples/MobileTest.py: a process sends the writer end of a channel it made over another
     * channel; the receiver writes 0..3 on it and poisons it, which ends the first process.
     */
    @Test
    void aChannelEndSentOverAChannelWorksForTheReceiver() {
        Channel<ChannelWriter<Integer>> a = new Channel<>("A");
        ChannelWriter<ChannelWriter<Integer>> cout = a.writer();
        ChannelReader<ChannelWriter<Integer>> getChan = a.reader();
        List<Integer> printed = syncList();

        CspProcess redirect = () -> {
            Channel<Integer> b = new Channel<>("B");
            cout.write(b.writer());
            ChannelReader<Integer> cin = b.reader();
            while (true) {
                printed.add(cin.read());
            }
        };
        CspProcess producer = () -> {
            ChannelWriter<Integer> write = getChan.read();
            for (int i = 0; i < 4; i++) {
                write.write(i);
            }
            write.poison();
        };

        Csp.parallel(redirect, producer);

        assertEquals(List.of(0, 1, 2, 3), printed);
        assertTrue(a.isPoisoned(), "redirect ended by poison, so it poisons the end it was given");
    }

    /**
     * examples/problems/parallel_leaking_mobile_channelend_garbage_collection_pre_0.9.2.py: ten
     * clients send a reply end to a server; the server spawns a service per client, which sends
     * back an end of its own; each client talks to its service ten times and poisons it.
     */
    @Test
    void clientsAndSpawnedServicesTalkOverEndsTheyExchanged() {
        record Connect(String address, int port, ChannelWriter<Object> reply) {
        }
        Channel<Connect> service = new Channel<>("service");
        ChannelReader<Connect> ipIn = service.reader();
        AtomicInteger servicesEnded = new AtomicInteger();

        CspProcess server = () -> {
            for (int n = 0; n < 10; n++) {
                ChannelWriter<Object> outp = ipIn.read().reply();
                Csp.spawn(() -> {
                    try {
                        Channel<Object> conn = new Channel<>();
                        outp.write(conn.writer());
                        ChannelReader<Object> inp = conn.reader();
                        while (true) {
                            Object msg = inp.read();
                            outp.write("Simulated HTTP Server got:  " + msg);
                        }
                    } finally {
                        servicesEnded.incrementAndGet();
                    }
                });
            }
        };
        List<CspProcess> processes = new ArrayList<>();
        processes.add(server);
        for (int id = 0; id < 10; id++) {
            int myId = id;
            ChannelWriter<Connect> ipOut = service.writer();
            processes.add(CspFunction.of(() -> {
                Channel<Object> conn = new Channel<>();
                ipOut.write(new Connect("192.168.0.12", 80, conn.writer()));
                ChannelReader<Object> inp = conn.reader();
                @SuppressWarnings("unchecked")
                ChannelWriter<Object> outp = (ChannelWriter<Object>) inp.read();
                List<Object> replies = new ArrayList<>();
                for (int k = 0; k < 10; k++) {
                    outp.write("Hello?" + myId);
                    replies.add(inp.read());
                }
                outp.poison();
                return replies;
            }));
        }

        List<Object> results = Csp.parallel(processes);
        Csp.shutdown();

        for (int id = 0; id < 10; id++) {
            assertEquals(Collections.nCopies(10, "Simulated HTTP Server got:  Hello?" + id), results.get(id + 1), "client " + id);
        }
        assertEquals(10, servicesEnded.get(), "every spawned service ends when its client poisons it");
    }
}
