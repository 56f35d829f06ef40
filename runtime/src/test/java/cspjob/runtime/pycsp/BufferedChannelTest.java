package cspjob.runtime.pycsp;

import static cspjob.runtime.pycsp.TestProcesses.readerUntilEnd;
import static cspjob.runtime.pycsp.TestProcesses.syncList;
import static cspjob.runtime.pycsp.TestProcesses.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cspjob.runtime.Alternation;
import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspProcess;
import cspjob.runtime.Selected;
import cspjob.runtime.pycsp.TestProcesses.Then;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Buffered channels: PyCSP's test/buffertest.py. Writers retire when done; readers read until the
 * channel is retired, so they must still get everything the buffer holds.
 *
 * <p>Not ported: the {@code @io} decorator around the sleepers (PyCSP's way to let a greenlet
 * block); here the sleepers are plain sleeps on virtual threads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BufferedChannelTest {
    private static final int CNT = 10;
    private static final int[] BUFFERS = {1, 5, 10, 20};

    /**
     * test/buffertest.py Buffer_Test: a writer fills a buffer of 10 and retires in a Parallel of its
     * own, with no reader; a later reader still gets all 10, then the retirement.
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void aFullBufferOutlivesItsRetiredWriter(Sleeper readSleeper, Sleeper writeSleeper) {
        Channel<Msg> c = new Channel<>("c", CNT);
        List<Msg> got = syncList();

        Csp.parallel(writer(c.writer(), 0, CNT, writeSleeper, Then.RETIRE, syncList()));
        Csp.parallel(readerUntilEnd(c.reader(), readSleeper, got));

        assertEquals(Checks.sent(0, CNT), got);
    }

    /** test/buffertest.py One2One_Test: four pairs on channels buffered 1, 5, 10 and 20. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void oneToOnePairsOnBuffersOfEverySize(Sleeper readSleeper, Sleeper writeSleeper) {
        List<CspProcess> processes = new ArrayList<>();
        List<List<Msg>> got = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Channel<Msg> c = new Channel<>("c" + (k + 1), BUFFERS[k]);
            List<Msg> mine = syncList();
            got.add(mine);
            processes.add(readerUntilEnd(c.reader(), readSleeper, mine));
            processes.add(writer(c.writer(), k, CNT, writeSleeper, Then.RETIRE, syncList()));
        }

        List<Object> results = Csp.parallel(processes);

        assertEquals(Collections.nCopies(8, null), results);
        for (int k = 0; k < 4; k++) {
            assertEquals(Checks.sent(k, CNT), got.get(k), "reader on the buffer of " + BUFFERS[k]);
        }
    }

    /** test/buffertest.py Any2One_Test: four writers, one reader, a buffer of 20. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void anyToOneThroughABuffer(Sleeper readSleeper, Sleeper writeSleeper) {
        Channel<Msg> c1 = new Channel<>("c1", 20);
        List<Msg> got = syncList();
        List<CspProcess> processes = new ArrayList<>();
        processes.add(readerUntilEnd(c1.reader(), readSleeper, got));
        for (int id = 0; id < 4; id++) {
            processes.add(writer(c1.writer(), id, CNT, writeSleeper, Then.RETIRE, syncList()));
        }

        Csp.parallel(processes);

        Checks.assertExactlyOnce(Checks.sentByAll(4, CNT), got);
        Checks.assertInOrderPerWriter(got);
    }

    /** test/buffertest.py One2Any_Test: one writer of 40 values, four readers, a buffer of 20. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void oneToAnyThroughABuffer(Sleeper readSleeper, Sleeper writeSleeper) {
        Channel<Msg> c1 = new Channel<>("c1", 20);
        List<CspProcess> processes = new ArrayList<>();
        processes.add(writer(c1.writer(), 0, 4 * CNT, writeSleeper, Then.RETIRE, syncList()));
        List<List<Msg>> got = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            List<Msg> mine = syncList();
            got.add(mine);
            processes.add(readerUntilEnd(c1.reader(), readSleeper, mine));
        }

        Csp.parallel(processes);

        List<Msg> all = new ArrayList<>();
        for (List<Msg> mine : got) {
            Checks.assertInOrderPerWriter(mine);
            all.addAll(mine);
        }
        Checks.assertExactlyOnce(Checks.sent(0, 4 * CNT), all);
    }

    /**
     * test/buffertest.py One_Alting2Any_Test: one writer offers each of 40 values on four buffered
     * channels at once; each reader gets exactly the values written on its channel, in order.
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void oneAltingWriterToFourBufferedReaders(Sleeper readSleeper, Sleeper writeSleeper) {
        List<ChannelWriter<Msg>> outs = new ArrayList<>();
        List<CspProcess> processes = new ArrayList<>();
        List<List<Msg>> got = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Channel<Msg> c = new Channel<>("c" + (k + 1), BUFFERS[k]);
            outs.add(c.writer());
            List<Msg> mine = syncList();
            got.add(mine);
            processes.add(readerUntilEnd(c.reader(), readSleeper, mine));
        }
        List<List<Msg>> chosen = List.of(syncList(), syncList(), syncList(), syncList());
        processes.add(altingWriter(outs, 0, 4 * CNT, writeSleeper, chosen));

        Csp.parallel(processes);

        for (int k = 0; k < 4; k++) {
            assertEquals(chosen.get(k), got.get(k), "channel c" + (k + 1) + " delivers what was written on it, in order");
        }
        List<Msg> all = new ArrayList<>();
        got.forEach(all::addAll);
        Checks.assertExactlyOnce(Checks.sent(0, 4 * CNT), all);
    }

    /** test/buffertest.py Any2Any_Test: four writers and four readers on one channel buffered 20. */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void anyToAnyThroughABuffer(Sleeper readSleeper, Sleeper writeSleeper) {
        Channel<Msg> c1 = new Channel<>("c1", 20);
        List<CspProcess> processes = new ArrayList<>();
        List<List<Msg>> got = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            List<Msg> mine = syncList();
            got.add(mine);
            processes.add(readerUntilEnd(c1.reader(), readSleeper, mine));
            processes.add(writer(c1.writer(), k, CNT, writeSleeper, Then.RETIRE, syncList()));
        }

        Csp.parallel(processes);

        List<Msg> all = new ArrayList<>();
        for (List<Msg> mine : got) {
            Checks.assertInOrderPerWriter(mine);
            all.addAll(mine);
        }
        Checks.assertExactlyOnce(Checks.sentByAll(4, CNT), all);
    }

    /**
     * test/buffertest.py Any_Alting2Any_Alting_Test: four alting writers and four alting readers on
     * four buffered channels. Every write completes (a channel retires only when all four writers
     * are done); a reader stops at the first retired channel in its choice, so at most what the
     * buffers hold (1 + 5 + 10 + 20) may be left unread.
     */
    @ParameterizedTest(name = "read {0}, write {1}")
    @MethodSource("cspjob.runtime.pycsp.Sleeper#pairs")
    void anyAltingToAnyAltingThroughBuffers(Sleeper readSleeper, Sleeper writeSleeper) {
        List<Channel<Msg>> channels = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            channels.add(new Channel<>("c" + (k + 1), BUFFERS[k]));
        }
        List<CspProcess> processes = new ArrayList<>();
        List<List<List<Msg>>> chosen = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            List<ChannelWriter<Msg>> outs = channels.stream().map(Channel::writer).toList();
            List<List<Msg>> mine = List.of(syncList(), syncList(), syncList(), syncList());
            chosen.add(mine);
            processes.add(altingWriter(outs, w, 4 * CNT, writeSleeper, mine));
        }
        List<Msg> got = syncList();
        for (int r = 0; r < 4; r++) {
            List<ChannelReader<Msg>> ins = channels.stream().map(Channel::reader).toList();
            processes.add(altingReaderUntilEnd(ins, readSleeper, got));
        }

        Csp.parallel(processes);

        List<Msg> written = new ArrayList<>();
        for (List<List<Msg>> byChannel : chosen) {
            byChannel.forEach(written::addAll);
        }
        Checks.assertExactlyOnce(Checks.sentByAll(4, 4 * CNT), written);
        Checks.assertCountBetween(4 * 4 * CNT - (1 + 5 + 10 + 20), 4 * 4 * CNT, got);
        assertEquals(got.size(), Checks.sorted(got).stream().distinct().count(), "no message is read twice");
    }

    /**
     * buffertest.py's {@code par_writer}: offers (id, i) on every channel at once, records on which
     * channel each went, then retires every end.
     */
    private static CspProcess altingWriter(List<ChannelWriter<Msg>> outs, int id, int count, Sleeper sleeper, List<List<Msg>> chosen) {
        return () -> {
            for (int i = 0; i < count; i++) {
                sleeper.sleep();
                Msg m = new Msg(id, i);
                Selected s = Alternation.select(outs.get(0).guard(m), outs.get(1).guard(m), outs.get(2).guard(m), outs.get(3).guard(m));
                chosen.get(s.index()).add(m);
            }
            outs.forEach(ChannelWriter::retire);
        };
    }

    /** buffertest.py's {@code par_reader}: chooses among its inputs until one is retired. */
    private static CspProcess altingReaderUntilEnd(List<ChannelReader<Msg>> ins, Sleeper sleeper, List<Msg> got) {
        return () -> {
            while (true) {
                sleeper.sleep();
                Selected s = Alternation.select(ins.get(0), ins.get(1), ins.get(2), ins.get(3));
                got.add(s.value());
            }
        };
    }
}
