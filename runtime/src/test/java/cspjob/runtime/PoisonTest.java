package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Poison shuts a whole network down, cycles included, from one process. */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoisonTest {

    /** A ring element that passes tokens on, adding one. */
    record Element(ChannelReader<Integer> in, ChannelWriter<Integer> out, AtomicInteger ended) implements CspProcess {
        @Override
        public void run() {
            try {
                while (true) {
                    out.write(in.read() + 1);
                }
            } finally {
                ended.incrementAndGet();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProcessKind.class, names = {"VIRTUAL", "THREAD"})
    void oneProcessPoisoningACycleEndsEveryProcess(ProcessKind kind) {
        int size = 64;
        List<Channel<Integer>> ring = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ring.add(new Channel<>("ring-" + i));
        }
        AtomicInteger ended = new AtomicInteger();
        List<CspProcess> processes = new ArrayList<>();
        for (int i = 1; i < size; i++) {
            processes.add(new Element(ring.get(i).reader(), ring.get((i + 1) % size).writer(), ended).as(kind));
        }
        ChannelWriter<Integer> first = ring.get(1).writer();
        ChannelReader<Integer> last = ring.get(0).reader();
        processes.add(CspFunction.of(() -> {
            int laps = 10;
            int token = 0;
            for (int lap = 0; lap < laps; lap++) {
                first.write(token);
                token = last.read();
            }
            first.poison(); // only this end: the poison must travel the ring by itself
            return token;
        }).as(kind));

        List<Object> results = Csp.parallel(processes);

        assertEquals(10 * (size - 1), results.get(size - 1), "the token went round 10 times");
        assertEquals(size - 1, ended.get(), "every element ended");
        for (Channel<Integer> c : ring) {
            assertTrue(c.isPoisoned(), c + " poisoned");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProcessKind.class, names = {"VIRTUAL", "THREAD"})
    void poisonReachesEndsMadeInsideAProcess(ProcessKind kind) {
        Channel<Integer> control = new Channel<>("control");
        Channel<Integer> made = new Channel<>("made-inside");
        // Hidden in a holder, so the process is not "given" the channel: only the end it makes counts.
        AtomicReference<Channel<Integer>> holder = new AtomicReference<>(made);
        ChannelReader<Integer> controlIn = control.reader();
        Csp.parallel(
                ((CspProcess) () -> {
                    ChannelWriter<Integer> out = holder.get().writer(); // made here, not given
                    out.write(controlIn.read());
                }).as(kind),
                () -> control.poison());
        assertTrue(made.isPoisoned());
    }
}
