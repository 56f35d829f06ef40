package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two-sided choice under stress: many processes share a few channels and each, over and over, chooses
 * at random among writes (the same value offered on two channels at once) and reads on random
 * channels. Over a million messages, every value must be read exactly once and the run must end:
 * no deadlock, live-lock, loss or duplicate (seed 002 §3).
 */
class TwoSidedChoiceStressTest {
    private static final int CHANNELS = 4;
    private static final int PROCESSES = 8;
    private static final int MESSAGES = 1 << 20;

    @ParameterizedTest(name = "buffer {0}")
    @ValueSource(ints = {0, 2})
    @org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyValueIsReadExactlyOnce(int bufferSize) {
        List<Channel<Integer>> channels = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            channels.add(new Channel<>("shared-" + c, bufferSize));
        }
        AtomicIntegerArray reads = new AtomicIntegerArray(MESSAGES);
        AtomicLong received = new AtomicLong();
        List<CspProcess> processes = new ArrayList<>();
        int quota = MESSAGES / PROCESSES;
        for (int p = 0; p < PROCESSES; p++) {
            List<ChannelReader<Integer>> in = new ArrayList<>();
            List<ChannelWriter<Integer>> out = new ArrayList<>();
            for (Channel<Integer> c : channels) {
                in.add(c.reader());
                out.add(c.writer());
            }
            int first = p * quota;
            processes.add(() -> chooseAtRandom(in, out, first, quota, reads, received));
        }
        Csp.parallel(processes);

        assertEquals(MESSAGES, received.get(), "messages read");
        for (int v = 0; v < MESSAGES; v++) {
            if (reads.get(v) != 1) {
                assertEquals(1, reads.get(v), "times value " + v + " was read");
            }
        }
    }

    private static void chooseAtRandom(List<ChannelReader<Integer>> in, List<ChannelWriter<Integer>> out, int first,
                                       int quota, AtomicIntegerArray reads, AtomicLong received) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int next = first;
        int end = first + quota;
        Alternation fair = new Alternation();
        while (next < end || received.get() < MESSAGES) {
            List<Guard> guards = new ArrayList<>(5);
            int a = random.nextInt(CHANNELS);
            int b = (a + 1 + random.nextInt(CHANNELS - 1)) % CHANNELS;
            if (next < end) {
                guards.add(out.get(a).guard(next));
                guards.add(out.get(b).guard(next)); // the same value twice: only one may go
            }
            guards.add(in.get(random.nextInt(CHANNELS)));
            guards.add(in.get(random.nextInt(CHANNELS)));
            guards.add(Timeout.millis(20)); // to notice the end of the run
            Guard[] g = guards.toArray(Guard[]::new);
            Selected s = switch (random.nextInt(3)) {
                case 0 -> Alternation.priSelect(g);
                case 1 -> Alternation.select(g);
                default -> fair.fairSelect(g);
            };
            if (s.guard() instanceof OutputGuard<?>) {
                next++;
            } else if (s.guard() instanceof ChannelReader<?>) {
                int v = s.value();
                assertTrue(reads.incrementAndGet(v) == 1, "value " + v + " read twice");
                received.incrementAndGet();
            }
        }
    }
}
