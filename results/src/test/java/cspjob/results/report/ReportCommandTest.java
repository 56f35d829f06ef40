package cspjob.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.results.RunFolder;
import cspjob.results.RunRecorder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** `cspjob report` on real run folders: tables that match the histograms, SVG charts that overlay the runs, clear errors. */
class ReportCommandTest {
    @TempDir
    Path temp;

    private record Result(int exitCode, String out, String err) {
    }

    private Result report(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ReportCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A ring run as the ring job will record it: messages/s against tokens, and hop latencies per token count. */
    private Path ringRun(String name, boolean becomeHome, double perToken, Histogram expected) {
        Path folder = temp.resolve(name);
        try (RunRecorder run = RunRecorder.start("ring", folder)) {
            run.parameter("hops", 1000).parameter("become-home", becomeHome);
            for (int tokens = 1; tokens <= 16; tokens *= 2) {
                run.series("messages/s", "concurrent tokens", "messages/s").add(tokens, tokens * perToken);
            }
            for (long ns = 500; ns < 2_000_000; ns = ns * 11 / 10 + 3) {
                run.latency("tokens=16").recordValue(ns);
                expected.recordValue(ns);
            }
            run.figure("best messages/s", 16 * perToken);
        }
        return folder;
    }

    @Test
    void twoRunsGiveOneChartWithBothLinesLabelledByTheParameterThatDiffers() throws Exception {
        Path with = ringRun("ring-with", true, 5_000, new Histogram(3));
        Path without = ringRun("ring-without", false, 900, new Histogram(3));
        Path charts = temp.resolve("charts");

        Result result = report("--charts", charts.toString(), with.toString(), without.toString());

        assertEquals(0, result.exitCode(), result.err());
        Path svg = charts.resolve("ring-messages-s-against-concurrent-tokens.svg");
        assertTrue(result.out().contains("chart: " + svg), result.out());
        List<String> texts = svgTexts(svg);
        assertTrue(texts.contains("become-home=true"), texts.toString());
        assertTrue(texts.contains("become-home=false"), texts.toString());
        assertTrue(texts.contains("concurrent tokens"), texts.toString());
        assertTrue(texts.contains("messages/s"), "the y axis label, drawn rotated: " + texts);
        assertTrue(texts.contains("ring: messages/s against concurrent tokens"), texts.toString());
        assertTrue(result.out().contains("80k") && result.out().contains("14.4k"), "the series table: " + result.out());
    }

    @Test
    void thePercentileTableShowsTheRecordedHistogram() {
        Histogram expected = new Histogram(3);
        Path run = ringRun("ring-one", true, 5_000, expected);

        Result result = report("--no-charts", run.toString());

        assertEquals(0, result.exitCode(), result.err());
        String row = result.out().lines().filter(line -> line.startsWith("  tokens=16")).findFirst().orElseThrow();
        List<String> cells = List.of(row.trim().split("\\s+"));
        List<String> wanted = new ArrayList<>(List.of("tokens=16", Long.toString(expected.getTotalCount())));
        for (double percentile : new double[] {50, 90, 99, 99.9}) {
            wanted.add(Long.toString(expected.getValueAtPercentile(percentile)));
        }
        wanted.add(Long.toString(expected.getMaxValue()));
        assertEquals(wanted, cells, result.out());
        assertTrue(result.out().contains("count") && result.out().contains("p99.9"), result.out());
    }

    @Test
    void aLogScaleSeriesGetsPowersOfTenOnItsAxis() throws Exception {
        Path folder = temp.resolve("throughput");
        try (RunRecorder run = RunRecorder.start("throughput", folder)) {
            var series = run.series("local", "message size (bytes)", "bytes/s").logX();
            for (long size = 1; size <= 100_000_000; size *= 10) {
                series.add(size, Math.min(2e9, size * 1e5));
            }
        }
        Path charts = temp.resolve("charts");
        Result result = report("--charts", charts.toString(), folder.toString());
        assertEquals(0, result.exitCode(), result.err());
        List<String> texts = svgTexts(charts.resolve("throughput-bytes-s-against-message-size-bytes.svg"));
        assertTrue(texts.containsAll(List.of("1", "1k", "1M", "100M")), texts.toString());
    }

    @Test
    void aLabelOutsideAsciiStaysReadableTextInTheSvg() throws Exception {
        Path folder = temp.resolve("hop");
        try (RunRecorder run = RunRecorder.start("hop", folder)) {
            run.series("latency", "concurrent tokens", "µs per hop").add(1, 3.5).add(2, 4.25);
        }
        Path charts = temp.resolve("charts");
        Result result = report("--charts", charts.toString(), folder.toString());
        assertEquals(0, result.exitCode(), result.err());
        // The file names no encoding, so XML reads it as UTF-8: a µ written any other way would not come back.
        List<String> texts = svgTexts(charts.resolve("hop-s-per-hop-against-concurrent-tokens.svg"));
        assertTrue(texts.contains("µs per hop"), texts.toString());
    }

    @Test
    void aMissingRunFolderIsOneLineNamingIt() {
        Path missing = temp.resolve("runs/ring-nope");
        Result result = report(missing.toString());
        assertEquals(ReportCommand.BAD_RUN, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("cspjob report: " + missing + ": no such run folder"), result.err());
    }

    @Test
    void aFolderThatIsNotARunIsOneLineNamingIt() {
        Result result = report(temp.toString());
        assertEquals(ReportCommand.BAD_RUN, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains(temp + ": not a run folder (it has no summary.txt)"), result.err());
    }

    @Test
    void aCorruptSummaryIsOneLineNamingTheFile() throws Exception {
        Path run = ringRun("ring-bad", true, 5_000, new Histogram(3));
        Path summary = run.resolve(RunFolder.SUMMARY);
        Files.writeString(summary, Files.readString(summary) + "point messages/s: 32\n");
        Result result = report("--no-charts", run.toString());
        assertEquals(ReportCommand.BAD_RUN, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains(summary + ":") && result.err().contains("a point needs 'X Y'"), result.err());
    }

    /** The text of every SVG text element; parsing also proves the file is well-formed XML. */
    private static List<String> svgTexts(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // Batik writes the SVG 1.0 DOCTYPE; never fetch its DTD (no network here, and none needed).
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getNodeName());
        NodeList nodes = document.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
