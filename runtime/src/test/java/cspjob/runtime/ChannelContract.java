package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.runtime.ContractProcesses.ChooseInput;
import cspjob.runtime.ContractProcesses.ChooseSkip;
import cspjob.runtime.ContractProcesses.ChooseTimeout;
import cspjob.runtime.ContractProcesses.Choice;
import cspjob.runtime.ContractProcesses.Forward;
import cspjob.runtime.ContractProcesses.Outcome;
import cspjob.runtime.ContractProcesses.Poison;
import cspjob.runtime.ContractProcesses.PoisonOnSignal;
import cspjob.runtime.ContractProcesses.ReadInOrder;
import cspjob.runtime.ContractProcesses.ReadOne;
import cspjob.runtime.ContractProcesses.ReadOrNamePoison;
import cspjob.runtime.ContractProcesses.ReadThenFail;
import cspjob.runtime.ContractProcesses.ReadThroughAlternations;
import cspjob.runtime.ContractProcesses.ReadUntilRetired;
import cspjob.runtime.ContractProcesses.Retire;
import cspjob.runtime.ContractProcesses.RetireThenRead;
import cspjob.runtime.ContractProcesses.RetiringWriter;
import cspjob.runtime.ContractProcesses.Send;
import cspjob.runtime.ContractProcesses.SignalThenRead;
import cspjob.runtime.ContractProcesses.SignalThenWriteUntilPoisoned;
import cspjob.runtime.ContractProcesses.SumUntilRetired;
import cspjob.runtime.ContractProcesses.TimedChoice;
import cspjob.runtime.ContractProcesses.TryEveryOperation;
import cspjob.runtime.ContractProcesses.TryWrite;
import cspjob.runtime.ContractProcesses.WriteForever;
import cspjob.runtime.ContractProcesses.WriteThroughGuard;
import cspjob.runtime.ContractProcesses.WriteThroughGuards;
import cspjob.runtime.ContractProcesses.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every channel must do, whatever its buffer, whatever kind of process uses it, and whichever
 * JVMs its ends are in. Run by one subclass per combination (see {@link ChannelContractTests}).
 *
 * <p>Every process is a record from {@link ContractProcesses}, so that a flavour can run any of them
 * in a JVM of its own: the flavour decides each process's kind ({@link #kind(int, int)}); the tests
 * do not know. The channels are made here, in the test's JVM, which is their home.
 */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class ChannelContract {
    /**
     * How long a process that poisons waits after its partner said it is about to block: long enough
     * for the partner's operation to reach the channel's home, even from another JVM.
     */
    static final long SETTLE_MILLIS = 100;

    /** A new channel of the flavour under test. */
    abstract <T> Channel<T> channel(String name);

    /** The kind of the process at {@code position} (from 0) of the {@code count} that one {@link #run} starts. */
    abstract ProcessKind kind(int position, int count);

    /** Runs the processes in parallel, each under the kind the flavour gives its position. */
    List<Object> run(CspProcess... processes) {
        List<CspProcess> kinded = new ArrayList<>();
        for (int i = 0; i < processes.length; i++) {
            kinded.add(processes[i].as(kind(i, processes.length)));
        }
        return Csp.parallel(kinded);
    }

    @Test
    void oneWriterOneReaderGetsEveryValueInOrder() {
        Channel<Integer> c = channel("numbers");
        int n = 20_000;
        List<Object> results = run(new Writer(c.writer(), 0, n), new ReadInOrder(c.reader(), n));
        assertEquals("in order", results.get(1));
    }

    @Test
    void manyWritersAndReadersDeliverEachValueExactlyOnce() {
        Channel<Integer> c = channel("shared");
        int writers = 4;
        int readers = 4;
        int perWriter = 10_000;
        int total = writers * perWriter;
        List<CspProcess> processes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            processes.add(new RetiringWriter(c.writer(), w * perWriter, perWriter));
        }
        for (int r = 0; r < readers; r++) {
            processes.add(new ReadUntilRetired(c.reader())); // each reader stops when the last writer has retired
        }
        int[] seen = new int[total];
        for (Object result : run(processes.toArray(CspProcess[]::new))) {
            if (result instanceof int[] values) {
                for (int v : values) {
                    seen[v]++;
                }
            }
        }
        for (int i = 0; i < total; i++) {
            assertEquals(1, seen[i], "value " + i + " read once");
        }
    }

    @Test
    void poisonWakesAWaitingReader() {
        Channel<Integer> c = channel("p");
        Channel<Boolean> waiting = channel("p-reader-waits");
        List<Object> results = run(
                new SignalThenRead(waiting.writer(), c.reader()),
                new PoisonOnSignal(waiting.reader(), c.writer(), SETTLE_MILLIS));
        assertTrue(((String) results.get(0)).contains("channel 'p' is poisoned"), (String) results.get(0));
    }

    @Test
    void poisonWakesAWaitingWriterOnceTheBufferIsFull() {
        Channel<Integer> c = channel("full");
        Channel<Boolean> writing = channel("full-writer-starts");
        List<Object> results = run(
                new SignalThenWriteUntilPoisoned(writing.writer(), c.writer()),
                new PoisonOnSignal(writing.reader(), c.reader(), SETTLE_MILLIS));
        assertEquals(c.bufferSize(), results.get(0), "writes that completed before poison: the buffer's size");
    }

    @Test
    void aPoisonedChannelFailsEveryLaterOperation() {
        Channel<String> c = channel("dead");
        ChannelReader<String> in = c.reader();
        ChannelWriter<String> out = c.writer();
        c.poison();
        List<?> outcomes = (List<?>) run(new TryEveryOperation(in, out)).get(0);
        List<String> what = outcomes.stream().map(o -> ((Outcome) o).what()).toList();
        assertEquals(List.of("poisoned", "poisoned", "poisoned", "poisoned"), what, "read, write, input guard, output guard");
        assertTrue(c.isPoisoned());
    }

    @Test
    void processThatDiesOfPoisonPoisonsTheEndsItWasGiven() {
        Channel<Integer> a = channel("a");
        Channel<Integer> b = channel("b");
        List<Object> results = run(
                new Forward(a.reader(), b.writer()), // dies of poison on a; must poison b too
                new ReadOrNamePoison(b.reader()),
                new Poison(a.writer()));
        assertEquals("b", results.get(1));
    }

    @Test
    void retireEndsTheChannelWhenEveryWriterHasRetired() {
        Channel<Integer> c = channel("r");
        List<Object> results = run(
                new RetiringWriter(c.writer(), 1, 100),
                new RetiringWriter(c.writer(), 101, 100),
                new SumUntilRetired(c.reader()),
                new SumUntilRetired(c.reader()));
        assertEquals(200 * 201 / 2, (int) results.get(2) + (int) results.get(3));
    }

    @Test
    void retiringEveryReaderFailsWriters() {
        Channel<Integer> c = channel("nobody-reads");
        ChannelReader<Integer> r1 = c.reader();
        ChannelReader<Integer> r2 = c.reader();
        ChannelWriter<Integer> out = c.writer();
        run(new Retire(r1), new Retire(r2));
        Outcome write = (Outcome) run(new TryWrite(out, 1)).get(0);
        assertEquals("retired", write.what(), write.message());
        assertTrue(write.message().contains("'nobody-reads'") && write.message().contains("all readers have retired"), write.message());
    }

    @Test
    void aRetiredEndCannotBeUsedButOtherEndsCan() {
        Channel<Integer> c = channel("half");
        ChannelReader<Integer> retired = c.reader();
        ChannelReader<Integer> live = c.reader();
        ChannelWriter<Integer> out = c.writer();
        Outcome read = (Outcome) run(new RetireThenRead(retired)).get(0);
        assertEquals("retired", read.what(), read.message());
        assertTrue(read.message().contains("this reader end has retired"), read.message());
        List<Object> results = run(new Writer(out, 7, 1), new ReadOne<>(live));
        assertEquals(7, results.get(1));
    }

    @Test
    void alternationReadsFromTheReadyInput() {
        Channel<String> quiet = channel("quiet");
        Channel<String> busy = channel("busy");
        List<Object> results = run(new Send<>(busy.writer(), "hello"), new ChooseInput(quiet.reader(), busy.reader()));
        Choice s = (Choice) results.get(1);
        assertTrue(s.expectedGuard(), "the guard chosen is the ready reader end itself: " + s);
        assertEquals(1, s.index());
        assertEquals("hello", s.value());
    }

    @Test
    void alternationWritesThroughAnOutputGuard() {
        Channel<String> c = channel("out");
        List<Object> results = run(new WriteThroughGuard(c.writer(), "sent"), new ReadOne<>(c.reader()));
        assertTrue(((Choice) results.get(0)).expectedGuard(), "the output guard's writer end was chosen: " + results.get(0));
        assertEquals("sent", results.get(1));
    }

    @Test
    void bothEndsInAlternationsMatch() {
        Channel<Integer> c = channel("two-sided");
        int n = 5_000;
        List<Object> results = run(new WriteThroughGuards(c.writer(), n), new ReadThroughAlternations(c.reader(), n));
        assertEquals((long) n * (n - 1) / 2, results.get(1));
    }

    @Test
    void skipFiresWhenNothingIsReady() {
        Channel<Integer> c = channel("empty");
        Choice s = (Choice) run(new ChooseSkip(c.reader())).get(0);
        assertTrue(s.expectedGuard(), "Skip fired: " + s);
        assertNull(s.value());
    }

    @Test
    void timeoutFiresWhenNothingComes() {
        Channel<Integer> c = channel("silent");
        TimedChoice s = (TimedChoice) run(new ChooseTimeout(c.reader(), 30)).get(0);
        assertTrue(s.timeoutFired());
        assertTrue(s.waitedNanos() >= TimeUnit.MILLISECONDS.toNanos(30), "a Timeout never fires early: waited " + s.waitedNanos() + " ns");
    }

    @Test
    void aFailingProcessIsNamedAndItsPartnersStop() {
        Channel<Integer> c = channel("to-failing");
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> run(
                new WriteForever(c.writer(), 1), // stops when the failing reader poisons its end
                new ReadThenFail(c.reader(), "bad input 42").named("parser")));
        assertEquals("parser", e.processName());
        assertTrue(e.getMessage().contains("'parser'") && e.getMessage().contains("bad input 42"), e.getMessage());
        assertTrue(c.isPoisoned());
    }
}
