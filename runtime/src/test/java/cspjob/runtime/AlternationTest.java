package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Choice: priority, fairness, Skip, Timeout and bad use. */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class AlternationTest {

    @Test
    void priSelectTakesTheFirstReadyGuardInOrder() {
        Channel<Integer> a = new Channel<>("a", 1);
        Channel<Integer> b = new Channel<>("b", 1);
        a.writer().write(1);
        b.writer().write(2);
        ChannelReader<Integer> aIn = a.reader();
        ChannelReader<Integer> bIn = b.reader();
        assertSame(bIn, Alternation.priSelect(bIn, aIn).guard());
        assertSame(aIn, Alternation.priSelect(bIn, aIn).guard());
    }

    @Test
    void fairSelectLetsEveryBusyGuardTakeItsTurn() {
        int channels = 8;
        int reads = 8_000;
        List<ChannelReader<Integer>> inputs = new ArrayList<>();
        List<CspProcess> writers = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            Channel<Integer> channel = new Channel<>("busy-" + c);
            inputs.add(channel.reader());
            ChannelWriter<Integer> out = channel.writer();
            int id = c;
            writers.add(() -> {
                while (true) {
                    out.write(id); // always ready: only fairness lets the others through
                }
            });
        }
        int[] counts = new int[channels];
        CspProcess reader = () -> {
            Alternation alt = new Alternation();
            Guard[] guards = inputs.toArray(Guard[]::new);
            for (int i = 0; i < reads; i++) {
                counts[(int) alt.fairSelect(guards).value()]++;
            }
            inputs.forEach(ChannelReader::poison);
        };
        List<CspProcess> all = new ArrayList<>(writers);
        all.add(reader);
        Csp.parallel(all);
        for (int c = 0; c < channels; c++) {
            // A writer may be between two writes when its turn comes (then the turn passes on), so
            // shares vary with scheduling; what must hold is that no busy channel starves.
            assertTrue(counts[c] >= reads / channels / 10, "channel " + c + " got " + counts[c] + " of " + reads);
        }
    }

    @Test
    void fairSelectServesGuardsThatAreAllReadyInStrictTurns() {
        int channels = 5;
        int perChannel = 200;
        List<ChannelReader<Integer>> inputs = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            Channel<Integer> channel = new Channel<>("full-" + c, perChannel);
            ChannelWriter<Integer> out = channel.writer();
            for (int i = 0; i < perChannel; i++) {
                out.write(c);
            }
            inputs.add(channel.reader());
        }
        Alternation alt = new Alternation();
        Guard[] guards = inputs.toArray(Guard[]::new);
        for (int i = 0; i < channels * perChannel; i++) {
            assertEquals(i % channels, (int) alt.fairSelect(guards).value(), "turn " + i);
        }
    }

    @Test
    void priSelectStarvesALowerGuardThatFairSelectServes() {
        Channel<Integer> high = new Channel<>("high", 4);
        Channel<Integer> low = new Channel<>("low", 4);
        ChannelReader<Integer> highIn = high.reader();
        ChannelReader<Integer> lowIn = low.reader();
        ChannelWriter<Integer> highOut = high.writer();
        ChannelWriter<Integer> lowOut = low.writer();
        for (int i = 0; i < 4; i++) {
            highOut.write(i);
            lowOut.write(i);
        }
        // Keep high full: after each read, refill it.
        int lowByPriority = 0;
        for (int i = 0; i < 3; i++) {
            if (Alternation.priSelect(highIn, lowIn).is(lowIn)) {
                lowByPriority++;
            }
            highOut.write(i);
        }
        Alternation alt = new Alternation();
        int lowByFairness = 0;
        for (int i = 0; i < 4; i++) {
            Selected s = alt.fairSelect(highIn, lowIn);
            if (s.is(lowIn)) {
                lowByFairness++;
                lowOut.write(i);
            } else {
                highOut.write(i);
            }
        }
        assertEquals(0, lowByPriority);
        assertEquals(2, lowByFairness);
    }

    @Test
    void skipFiresOnlyWhenNoEarlierGuardIsReady() {
        Channel<Integer> c = new Channel<>("c", 1);
        ChannelReader<Integer> in = c.reader();
        assertSame(Skip.SKIP, Alternation.priSelect(in, Skip.SKIP).guard());
        c.writer().write(5);
        Selected s = Alternation.priSelect(in, Skip.SKIP);
        assertSame(in, s.guard());
        assertEquals(5, (int) s.value());
    }

    @Test
    void timeoutNeverFiresEarlyAndTheShortestWins() {
        ChannelReader<Integer> in = new Channel<Integer>("silent").reader();
        for (long millis : new long[] {1, 10, 40}) {
            long start = System.nanoTime();
            Selected s = Alternation.priSelect(in, Timeout.millis(millis * 3), Timeout.millis(millis));
            long waited = System.nanoTime() - start;
            assertEquals(2, s.index(), "the shorter Timeout fires");
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(millis), "waited " + waited + " ns for " + millis + " ms");
        }
        assertEquals(1, Alternation.priSelect(in, new Timeout(0)).index(), "a zero Timeout fires at once");
    }

    @Test
    void aValueOfferedAgainstATimeoutIsDeliveredExactlyOnce() {
        // A writer races a reader's Timeout again and again: every value is either read or still the writer's.
        Channel<Integer> c = new Channel<>("race");
        ChannelWriter<Integer> out = c.writer();
        ChannelReader<Integer> in = c.reader();
        int rounds = 2_000;
        AtomicBoolean duplicate = new AtomicBoolean();
        List<Object> results = Csp.parallel(
                CspFunction.of(() -> {
                    int written = 0;
                    for (int i = 0; i < rounds; i++) {
                        if (Alternation.priSelect(out.guard(written), new Timeout(20_000)).is(out)) {
                            written++;
                        }
                    }
                    out.poison();
                    return written;
                }),
                CspFunction.of(() -> {
                    int expected = 0;
                    try {
                        while (true) {
                            Selected s = Alternation.priSelect(in, new Timeout(20_000));
                            if (s.is(in)) {
                                if ((int) s.value() != expected) {
                                    duplicate.set(true);
                                }
                                expected++;
                            }
                        }
                    } catch (ChannelPoisonedException e) {
                        return expected;
                    }
                }));
        assertEquals(results.get(0), results.get(1), "values written = values read");
        assertTrue(!duplicate.get(), "values arrive once each, in order");
    }

    @Test
    void anAlternationWithoutGuardsIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Alternation::priSelect);
        assertTrue(e.getMessage().contains("at least one guard"), e.getMessage());
    }

    @Test
    void aNegativeTimeoutOrBufferIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Timeout(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Channel<>("neg", -3));
        assertTrue(e.getMessage().contains("'neg'") && e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void aRetiredEndIsRefusedAsAGuard() {
        Channel<Integer> c = new Channel<>("gone");
        ChannelReader<Integer> in = c.reader();
        c.reader(); // a second reader keeps the channel alive
        in.retire();
        ChannelRetiredException e = assertThrows(ChannelRetiredException.class, () -> Alternation.priSelect(in, Skip.SKIP));
        assertTrue(e.getMessage().contains("'gone'"), e.getMessage());
    }

    @Test
    void aGuardOnBothEndsOfOneChannelNeverMatchesItself() {
        Channel<Integer> c = new Channel<>("self");
        Selected s = Alternation.priSelect(c.writer().guard(1), c.reader(), Timeout.millis(20));
        assertEquals(2, s.index(), "only the Timeout can fire");
    }
}
