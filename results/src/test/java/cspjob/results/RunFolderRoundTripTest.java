package cspjob.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder written by RunRecorder reads back with the same figures, series, histograms and output. */
class RunFolderRoundTripTest {
    @TempDir
    Path temp;

    @Test
    void everythingRecordedReadsBackTheSame() throws Exception {
        Path folder = temp.resolve("ring-run");
        Histogram expectedFew = new Histogram(3);
        Histogram expectedMany = new Histogram(3);
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        try (RunRecorder run = RunRecorder.start("ring", folder)) {
            PrintStream out = run.tee(new PrintStream(shown, true, StandardCharsets.UTF_8));
            out.println("ring: 16 tokens, 1000 hops");
            run.parameter("tokens", 16).parameter("become-home", true).nodes(List.of("node1", "node2"), 4);
            Recorder few = run.latency("tokens=1");
            Recorder many = run.latency("tokens=16");
            for (long ns = 1_000; ns <= 1_000_000; ns += 997) {
                few.recordValue(ns);
                expectedFew.recordValue(ns);
                many.recordValue(ns * 3 + 7);
                expectedMany.recordValue(ns * 3 + 7);
            }
            run.count("messages", 1_000);
            run.count("messages", 234);
            run.figure("best messages/s", 81_234.567_891);
            run.figure("tiny", 1.0e-7);
            run.series("messages/s", "concurrent tokens", "messages/s").add(1, 0.1).add(16, 123_456_789.123);
            run.series("bytes/s", "message size (bytes)", "bytes/s").logX().add(1, 3.5e5).add(100_000_000, 1.17e9);
            out.println("done");
        }

        Run back = Run.read(folder);
        Summary summary = back.summary();
        assertEquals("ring", summary.job());
        assertEquals(Map.of("tokens", "16", "become-home", "true"), summary.parameters());
        assertEquals(List.of("node1", "node2"), summary.nodes());
        assertEquals(4, summary.ranks());
        assertEquals(Map.of("messages", 1_234L), summary.counts());
        assertEquals(Map.of("best messages/s", 81_234.567_891, "tiny", 1.0e-7), summary.figures());
        assertEquals(List.of(new Series.Point(1, 0.1), new Series.Point(16, 123_456_789.123)),
                summary.series("messages/s").points());
        Series bytes = summary.series("bytes/s");
        assertEquals(Series.Scale.LOG_X, bytes.scale());
        assertEquals("message size (bytes)", bytes.xLabel());
        assertEquals(List.of(new Series.Point(1, 3.5e5), new Series.Point(100_000_000, 1.17e9)), bytes.points());
        assertTrue(summary.jvm().startsWith(Runtime.version().toString()), summary.jvm());

        assertEquals(List.of("tokens=1", "tokens=16"), List.copyOf(back.latencies().keySet()));
        assertSameDistribution(expectedFew, back.latencies().get("tokens=1"));
        assertSameDistribution(expectedMany, back.latencies().get("tokens=16"));

        String output = Files.readString(folder.resolve(RunFolder.OUTPUT));
        assertEquals("ring: 16 tokens, 1000 hops\ndone\n", output.replace(System.lineSeparator(), "\n"));
        assertEquals(output, shown.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theLatencyLogIsInHdrHistogramsOwnFormat() throws Exception {
        Path folder = temp.resolve("run");
        try (RunRecorder run = RunRecorder.start("commstime", folder)) {
            run.latency("ns-per-communication").recordValue(120);
        }
        String log = Files.readString(folder.resolve(RunFolder.LATENCY_LOG));
        assertTrue(log.contains("#[Histogram log format version"), log);
        try (InputStream in = Files.newInputStream(folder.resolve(RunFolder.LATENCY_LOG));
             HistogramLogReader reader = new HistogramLogReader(in)) {
            EncodableHistogram interval = reader.nextIntervalHistogram();
            assertEquals("ns-per-communication", interval.getTag());
            assertEquals(120, ((Histogram) interval).getMaxValue());
        }
    }

    @Test
    void aRunWithoutOutGetsJobAndTimestampAndASecondRunInTheSameSecondGetsASuffix() {
        LocalDateTime now = LocalDateTime.of(2026, 11, 22, 7, 45, 12);
        Path first = RunFolder.create("ring", null, temp, now);
        Path second = RunFolder.create("ring", null, temp, now);
        assertEquals(temp.resolve("ring-20261122-074512"), first);
        assertEquals(temp.resolve("ring-20261122-074512-2"), second);
    }

    @Test
    void anOutFolderThatHoldsARunIsRefused() {
        Path folder = temp.resolve("run");
        RunRecorder.start("ring", folder).close();
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunRecorder.start("ring", folder));
        assertTrue(e.getMessage().contains(folder + ": already holds a run"), e.getMessage());
    }

    @Test
    void namesThatCannotBeWrittenAreRefusedWhenRecorded() {
        try (RunRecorder run = RunRecorder.start("ring", temp.resolve("run"))) {
            IllegalArgumentException colon = assertThrows(IllegalArgumentException.class, () -> run.figure("p99: ns", 1));
            assertTrue(colon.getMessage().contains("'p99: ns'"), colon.getMessage());
            IllegalArgumentException space = assertThrows(IllegalArgumentException.class, () -> run.latency("16 tokens"));
            assertTrue(space.getMessage().contains("one word"), space.getMessage());
        }
    }

    @Test
    void numbersAreWrittenSoTheyReadBackExactly() {
        Map<Double, String> written = new LinkedHashMap<>();
        for (double value : new double[] {0, 3, -42, 0.1, 1.0 / 3, 1e-300, 6.02e23, 1e15, Double.MAX_VALUE}) {
            String text = SummaryFile.number(value);
            written.put(value, text);
            assertEquals(value, Double.parseDouble(text), text);
        }
        assertEquals("3", written.get(3.0));
    }

    private static void assertSameDistribution(Histogram expected, Histogram actual) {
        assertEquals(expected.getTotalCount(), actual.getTotalCount());
        for (double percentile : new double[] {50, 90, 99, 99.9, 100}) {
            assertEquals(expected.getValueAtPercentile(percentile), actual.getValueAtPercentile(percentile), "p" + percentile);
        }
        assertEquals(expected.getMaxValue(), actual.getMaxValue());
    }
}
