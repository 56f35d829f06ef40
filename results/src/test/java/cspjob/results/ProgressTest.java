package cspjob.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress redraws one line on a terminal and writes a log line every few seconds in batch (with a clock the test moves). */
class ProgressTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final PrintStream to = new PrintStream(shown, true, StandardCharsets.UTF_8);

    private void advanceSeconds(double seconds) {
        now.addAndGet((long) (seconds * 1e9));
    }

    private String shown() {
        return shown.toString(StandardCharsets.UTF_8);
    }

    @Test
    void batchWritesAPlainLineOnlyEveryFewSeconds() {
        Progress progress = new Progress("laps", to, false, now::get);
        advanceSeconds(1);
        progress.update(100, 1_000);
        assertEquals("", shown(), "nothing before the first interval");
        advanceSeconds(4);
        progress.update(500, 1_000);
        assertEquals("laps: 500 of 1,000 (50%), 100.0/s, 5s elapsed, about 5s left" + System.lineSeparator(), shown());
        advanceSeconds(1);
        progress.update(600, 1_000);
        assertEquals(1, shown().lines().count(), "one line per interval");
        advanceSeconds(4);
        progress.update(1_000, 1_000);
        progress.finish();
        assertEquals(3, shown().lines().count(), shown());
        assertTrue(shown().lines().toList().get(2).startsWith("laps: 1,000 of 1,000 (100%)"), shown());
        assertFalse(shown().contains("\r"));
    }

    @Test
    void aTerminalLineIsRedrawnInPlaceAndEndedByFinish() {
        Progress progress = new Progress("hops", to, true, now::get);
        advanceSeconds(10);
        progress.update(12_345, 100_000);
        advanceSeconds(10);
        progress.update(20_000, 100_000);
        String text = shown();
        assertEquals(2, text.split("\r", -1).length - 1, "two redraws: " + text);
        assertFalse(text.contains("\n"), "no new line until finish: " + text);
        assertTrue(text.endsWith("hops: 20,000 of 100,000 (20%), 1000.0/s, 20s elapsed, about 1m20s left"), text);
        progress.finish();
        assertTrue(shown().endsWith(System.lineSeparator()));
    }

    @Test
    void aShorterLineWipesTheLongerOneBeforeIt() {
        Progress progress = new Progress("n", to, true, now::get);
        advanceSeconds(1);
        progress.update(1, 1_000_000);
        advanceSeconds(3_600);
        progress.update(1_000_000, 1_000_000);
        String[] redraws = shown().split("\r");
        String longer = redraws[1];
        String shorter = redraws[2];
        assertTrue(longer.contains("left") && !shorter.contains("left"), shown());
        assertEquals(longer.length(), shorter.length(), "padded to the previous line's width: '" + shown() + "'");
        assertTrue(shorter.stripTrailing().endsWith("elapsed") && shorter.endsWith(" "), shorter);
    }

    @Test
    void linesPrintedAboveTheProgressLineDoNotRunIntoIt() {
        Progress progress = new Progress("runs", to, true, now::get);
        PrintStream out = progress.above(to);
        out.println("commstime: 5 runs");
        advanceSeconds(1);
        progress.update(1, 5);
        out.println("run 1: 420 ns per communication");
        advanceSeconds(1);
        progress.update(2, 5);
        out.println("run 2: 410 ns per communication");
        assertEquals(List.of("commstime: 5 runs", "run 1: 420 ns per communication", "run 2: 410 ns per communication",
                "runs: 2 of 5 (40%), 1.0/s, 2s elapsed, about 3s left"), screen(shown()));
        progress.finish();
        out.println("best: 410 ns per communication");
        assertEquals("best: 410 ns per communication", screen(shown()).getLast());
        assertEquals(5, screen(shown()).size(), shown());
    }

    @Test
    void inBatchTheStreamAboveIsTheJobsOwn() {
        assertSame(to, new Progress("runs", to, false, now::get).above(to));
    }

    /** What a terminal shows after {@code text}: a carriage return goes back to the line's start and overwrites. */
    private static List<String> screen(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int column = 0;
        for (char c : text.toCharArray()) {
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                column = 0;
            } else {
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    @Test
    void durationsReadAsAPersonWritesThem() {
        assertEquals("59s", Progress.duration(59));
        assertEquals("2m05s", Progress.duration(125));
        assertEquals("3h07m", Progress.duration(3 * 3600 + 7 * 60 + 30));
    }
}
