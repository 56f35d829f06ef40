package cspjob.runtime.pycsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks of PyCSP's {@code test/check.py} ({@code Assert}), as assertions on what was received. */
final class Checks {
    private Checks() {
    }

    /** The messages writer {@code id} sends: (id, 0) .. (id, count - 1). */
    static List<Msg> sent(int id, int count) {
        List<Msg> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(new Msg(id, i));
        }
        return all;
    }

    /** The messages writers {@code 0 .. writers - 1} send, {@code count} each. */
    static List<Msg> sentByAll(int writers, int count) {
        List<Msg> all = new ArrayList<>();
        for (int id = 0; id < writers; id++) {
            all.addAll(sent(id, count));
        }
        return all;
    }

    /** Every message in {@code expected} was received once, and nothing else was. */
    static void assertExactlyOnce(Collection<Msg> expected, Collection<Msg> received) {
        assertEquals(sorted(expected), sorted(received), "each message must be received exactly once");
    }

    /** In what one reader received, the messages of each writer come in the order they were written. */
    static void assertInOrderPerWriter(List<Msg> received) {
        Map<Integer, Integer> last = new HashMap<>();
        for (Msg m : received) {
            Integer before = last.put(m.id(), m.i());
            assertTrue(before == null || before < m.i(),
                    "writer " + m.id() + ": " + m + " came after (" + m.id() + ", " + before + ") in " + received);
        }
    }

    /** The count lies in [min, max], as Assert(count=max, minimum=min) requires. */
    static void assertCountBetween(int min, int max, Collection<?> received) {
        assertTrue(received.size() >= min && received.size() <= max,
                "expected between " + min + " and " + max + " values, got " + received.size() + ": " + received);
    }

    static List<Msg> sorted(Collection<Msg> messages) {
        List<Msg> copy = new ArrayList<>(messages);
        copy.sort(Comparator.comparingInt(Msg::id).thenComparingInt(Msg::i));
        return copy;
    }
}
