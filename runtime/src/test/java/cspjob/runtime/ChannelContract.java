package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What every channel must do, whatever its buffer and whatever kind of process uses it. Run by one
 * subclass per combination (see {@link ChannelContractTests}); later transports add their own.
 */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class ChannelContract {

    /** A new channel of the flavour under test. */
    abstract <T> Channel<T> channel(String name);

    /** The kind of process the tests run. */
    abstract ProcessKind kind();

    /** Runs the processes under the kind under test. */
    List<Object> run(CspProcess... processes) {
        List<CspProcess> kinded = new ArrayList<>();
        for (CspProcess p : processes) {
            kinded.add(p.as(kind()));
        }
        return Csp.parallel(kinded);
    }

    @Test
    void oneWriterOneReaderGetsEveryValueInOrder() {
        Channel<Integer> c = channel("numbers");
        ChannelWriter<Integer> out = c.writer();
        ChannelReader<Integer> in = c.reader();
        int n = 20_000;
        List<Object> results = run(
                () -> {
                    for (int i = 0; i < n; i++) {
                        out.write(i);
                    }
                },
                CspFunction.of(() -> {
                    for (int i = 0; i < n; i++) {
                        int v = in.read();
                        if (v != i) {
                            return "expected " + i + " but read " + v;
                        }
                    }
                    return "in order";
                }));
        assertEquals("in order", results.get(1));
    }

    @Test
    void manyWritersAndReadersDeliverEachValueExactlyOnce() {
        Channel<Integer> c = channel("shared");
        int writers = 4;
        int readers = 4;
        int perWriter = 10_000;
        int total = writers * perWriter;
        AtomicIntegerArray seen = new AtomicIntegerArray(total);
        AtomicLong left = new AtomicLong(total);
        List<CspProcess> processes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            ChannelWriter<Integer> out = c.writer();
            int base = w * perWriter;
            processes.add(() -> {
                for (int i = 0; i < perWriter; i++) {
                    out.write(base + i);
                }
            });
        }
        for (int r = 0; r < readers; r++) {
            ChannelReader<Integer> in = c.reader();
            processes.add(() -> {
                while (true) {
                    seen.incrementAndGet(in.read());
                    if (left.decrementAndGet() == 0) {
                        in.poison(); // the last value: stop the other readers
                    }
                }
            });
        }
        run(processes.toArray(CspProcess[]::new));
        for (int i = 0; i < total; i++) {
            assertEquals(1, seen.get(i), "value " + i + " read once");
        }
    }

    @Test
    void poisonWakesAWaitingReader() {
        Channel<Integer> c = channel("p");
        ChannelReader<Integer> in = c.reader();
        ChannelWriter<Integer> out = c.writer();
        List<Object> results = run(
                CspFunction.of(() -> {
                    try {
                        in.read();
                        return "read a value";
                    } catch (ChannelPoisonedException e) {
                        return e.getMessage();
                    }
                }),
                () -> {
                    Thread.sleep(20);
                    out.poison();
                });
        assertTrue(((String) results.get(0)).contains("channel 'p' is poisoned"), (String) results.get(0));
    }

    @Test
    void poisonWakesAWaitingWriterOnceTheBufferIsFull() {
        Channel<Integer> c = channel("full");
        ChannelWriter<Integer> out = c.writer();
        ChannelReader<Integer> in = c.reader();
        List<Object> results = run(
                CspFunction.of(() -> {
                    int written = 0;
                    try {
                        while (true) {
                            out.write(written);
                            written++;
                        }
                    } catch (ChannelPoisonedException e) {
                        return written;
                    }
                }),
                () -> {
                    Thread.sleep(20);
                    in.poison();
                });
        assertEquals(c.bufferSize(), results.get(0), "writes that completed before poison: the buffer's size");
    }

    @Test
    void aPoisonedChannelFailsEveryLaterOperation() {
        Channel<String> c = channel("dead");
        ChannelReader<String> in = c.reader();
        ChannelWriter<String> out = c.writer();
        c.poison();
        assertThrows(ChannelPoisonedException.class, in::read);
        assertThrows(ChannelPoisonedException.class, () -> out.write("x"));
        assertThrows(ChannelPoisonedException.class, () -> Alternation.priSelect(in, Skip.SKIP));
        assertThrows(ChannelPoisonedException.class, () -> Alternation.priSelect(out.guard("x"), Skip.SKIP));
        assertTrue(c.isPoisoned());
    }

    @Test
    void processThatDiesOfPoisonPoisonsTheEndsItWasGiven() {
        Channel<Integer> a = channel("a");
        Channel<Integer> b = channel("b");
        ChannelReader<Integer> aIn = a.reader();
        ChannelWriter<Integer> bOut = b.writer();
        ChannelReader<Integer> bIn = b.reader();
        List<Object> results = run(
                () -> {
                    while (true) {
                        bOut.write(aIn.read()); // dies of poison on a; must poison b too
                    }
                },
                CspFunction.of(() -> {
                    try {
                        bIn.read();
                        return "read";
                    } catch (ChannelPoisonedException e) {
                        return e.channelName();
                    }
                }),
                () -> a.poison());
        assertEquals("b", results.get(1));
    }

    @Test
    void retireEndsTheChannelWhenEveryWriterHasRetired() {
        Channel<Integer> c = channel("r");
        ChannelWriter<Integer> w1 = c.writer();
        ChannelWriter<Integer> w2 = c.writer();
        ChannelReader<Integer> r1 = c.reader();
        ChannelReader<Integer> r2 = c.reader();
        CspFunction<Integer> reader1 = () -> sumUntilRetired(r1);
        CspFunction<Integer> reader2 = () -> sumUntilRetired(r2);
        List<Object> results = run(
                () -> {
                    for (int i = 1; i <= 100; i++) {
                        w1.write(i);
                    }
                    w1.retire();
                },
                () -> {
                    for (int i = 101; i <= 200; i++) {
                        w2.write(i);
                    }
                    w2.retire();
                },
                reader1, reader2);
        assertEquals(200 * 201 / 2, (int) results.get(2) + (int) results.get(3));
    }

    private static int sumUntilRetired(ChannelReader<Integer> in) {
        int sum = 0;
        try {
            while (true) {
                sum += in.read();
            }
        } catch (ChannelRetiredException e) {
            return sum;
        }
    }

    @Test
    void retiringEveryReaderFailsWriters() {
        Channel<Integer> c = channel("nobody-reads");
        ChannelReader<Integer> r1 = c.reader();
        ChannelReader<Integer> r2 = c.reader();
        ChannelWriter<Integer> out = c.writer();
        r1.retire();
        r2.retire();
        ChannelRetiredException e = assertThrows(ChannelRetiredException.class, () -> out.write(1));
        assertTrue(e.getMessage().contains("'nobody-reads'") && e.getMessage().contains("all readers have retired"), e.getMessage());
    }

    @Test
    void aRetiredEndCannotBeUsedButOtherEndsCan() {
        Channel<Integer> c = channel("half");
        ChannelReader<Integer> retired = c.reader();
        ChannelReader<Integer> live = c.reader();
        ChannelWriter<Integer> out = c.writer();
        retired.retire();
        ChannelRetiredException e = assertThrows(ChannelRetiredException.class, retired::read);
        assertTrue(e.getMessage().contains("this reader end has retired"), e.getMessage());
        List<Object> results = run(() -> out.write(7), CspFunction.of(live::read));
        assertEquals(7, results.get(1));
    }

    @Test
    void alternationReadsFromTheReadyInput() {
        Channel<String> quiet = channel("quiet");
        Channel<String> busy = channel("busy");
        ChannelReader<String> quietIn = quiet.reader();
        ChannelReader<String> busyIn = busy.reader();
        ChannelWriter<String> busyOut = busy.writer();
        List<Object> results = run(
                () -> busyOut.write("hello"),
                CspFunction.of(() -> Alternation.priSelect(quietIn, busyIn)));
        Selected s = (Selected) results.get(1);
        assertSame(busyIn, s.guard());
        assertEquals(1, s.index());
        assertEquals("hello", s.value());
    }

    @Test
    void alternationWritesThroughAnOutputGuard() {
        Channel<String> c = channel("out");
        ChannelWriter<String> out = c.writer();
        ChannelReader<String> in = c.reader();
        List<Object> results = run(
                CspFunction.of(() -> Alternation.priSelect(out.guard("sent"))),
                CspFunction.of(in::read));
        assertTrue(((Selected) results.get(0)).is(out));
        assertEquals("sent", results.get(1));
    }

    @Test
    void bothEndsInAlternationsMatch() {
        Channel<Integer> c = channel("two-sided");
        ChannelWriter<Integer> out = c.writer();
        ChannelReader<Integer> in = c.reader();
        int n = 5_000;
        List<Object> results = run(
                () -> {
                    for (int i = 0; i < n; i++) {
                        Alternation.priSelect(out.guard(i));
                    }
                },
                CspFunction.of(() -> {
                    long sum = 0;
                    for (int i = 0; i < n; i++) {
                        int v = Alternation.priSelect(in).value();
                        sum += v;
                    }
                    return sum;
                }));
        assertEquals((long) n * (n - 1) / 2, results.get(1));
    }

    @Test
    void skipFiresWhenNothingIsReady() {
        Channel<Integer> c = channel("empty");
        ChannelReader<Integer> in = c.reader();
        Selected s = Alternation.priSelect(in, Skip.SKIP);
        assertSame(Skip.SKIP, s.guard());
        assertNull(s.value());
    }

    @Test
    void timeoutFiresWhenNothingComes() {
        Channel<Integer> c = channel("silent");
        ChannelReader<Integer> in = c.reader();
        long start = System.nanoTime();
        Selected s = Alternation.priSelect(in, Timeout.millis(30));
        long waited = System.nanoTime() - start;
        assertInstanceOf(Timeout.class, s.guard());
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(30), "a Timeout never fires early: waited " + waited + " ns");
    }

    @Test
    void aFailingProcessIsNamedAndItsPartnersStop() {
        Channel<Integer> c = channel("to-failing");
        ChannelWriter<Integer> out = c.writer();
        ChannelReader<Integer> in = c.reader();
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> run(
                () -> {
                    while (true) {
                        out.write(1); // stops when the failing reader poisons its end
                    }
                },
                ((CspProcess) () -> {
                    in.read();
                    throw new IllegalStateException("bad input 42");
                }).named("parser")));
        assertEquals("parser", e.processName());
        assertTrue(e.getMessage().contains("'parser'") && e.getMessage().contains("bad input 42"), e.getMessage());
        assertTrue(c.isPoisoned());
    }
}
