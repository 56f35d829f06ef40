package cspjob.results;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * What a job records while it runs, written to its run folder when it closes: parameters, where it ran,
 * latency histograms (nanoseconds, one HdrHistogram {@link Recorder} per tag), counts, figures, series of
 * points, and everything it printed.
 *
 * <pre>{@code
 * try (RunRecorder run = RunRecorder.start("ring", options.out)) {
 *     PrintStream out = run.tee(System.out);                 // prints, and keeps a copy in output.txt
 *     run.parameter("tokens", tokens).parameter("become-home", becomeHome);
 *     Recorder hops = run.latency("tokens=" + tokens);       // recordValue(ns) from any process
 *     SeriesRecorder rate = run.series("messages/s", "concurrent tokens", "messages/s");
 *     ...
 *     rate.add(tokens, messagesPerSecond);
 * }                                                          // writes summary.txt and latency.hlog
 * }</pre>
 *
 * Recording methods are safe to call from several processes at once.
 */
public final class RunRecorder implements AutoCloseable {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final String job;
    private final Path folder;
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private final OutputStream output;
    private int ranks = 1;
    private List<String> nodes = List.of(localHostName());
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, LongAdder> counts = new LinkedHashMap<>();
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final Map<String, SeriesRecorder> series = new LinkedHashMap<>();
    private final Map<String, Recorder> latencies = new LinkedHashMap<>();
    private Summary written;

    private RunRecorder(String job, Path folder) throws IOException {
        this.job = job;
        this.folder = folder;
        this.output = new BufferedOutputStream(Files.newOutputStream(folder.resolve(RunFolder.OUTPUT)));
    }

    /**
     * Starts recording a run of {@code job}.
     *
     * @param out the run folder to write, or null for a new {@code runs/JOB-TIMESTAMP} under the working folder
     * @throws RunFolderException when the folder cannot be made, or already holds a run
     */
    public static RunRecorder start(String job, Path out) {
        Names.check("job", job);
        Path folder = RunFolder.create(job, out, RunFolder.DEFAULT_PARENT, LocalDateTime.now());
        try {
            return new RunRecorder(job, folder);
        } catch (IOException e) {
            throw new RunFolderException(folder.resolve(RunFolder.OUTPUT) + ": cannot write the job's output (" + e + ")", e);
        }
    }

    /** The run folder. */
    public Path folder() {
        return folder;
    }

    /** A stream that prints to {@code shown} and keeps a copy in the run's {@code output.txt}. */
    public PrintStream tee(PrintStream shown) {
        return new PrintStream(new TeeOutputStream(shown, output), true, shown.charset());
    }

    /** Records one of the job's options, as it ran with it. */
    public synchronized RunRecorder parameter(String name, Object value) {
        parameters.put(Names.check("parameter", name), Names.checkValue("parameter " + name, String.valueOf(value)));
        return this;
    }

    /** Records where the job ran: one entry per node, in rank order of first use. */
    public synchronized RunRecorder nodes(List<String> nodeNames, int rankCount) {
        if (nodeNames.isEmpty() || rankCount < 1) {
            throw new IllegalArgumentException("a run has at least one node and one rank, not " + nodeNames + " and " + rankCount);
        }
        nodeNames.forEach(node -> Names.check("node", node));
        this.nodes = List.copyOf(nodeNames);
        this.ranks = rankCount;
        return this;
    }

    /** The latency recorder for {@code tag} (one word, e.g. {@code tokens=16}); record nanoseconds into it. */
    public synchronized Recorder latency(String tag) {
        return latencies.computeIfAbsent(Names.checkTag(tag), t -> new Recorder(SIGNIFICANT_DIGITS));
    }

    /** Adds {@code delta} to the count {@code name}. */
    public void count(String name, long delta) {
        LongAdder adder;
        synchronized (this) {
            adder = counts.computeIfAbsent(Names.check("count", name), n -> new LongAdder());
        }
        adder.add(delta);
    }

    /** Records a single result, such as {@code best ns per communication}; a later value replaces an earlier one. */
    public synchronized RunRecorder figure(String name, double value) {
        figures.put(Names.check("figure", name), value);
        return this;
    }

    /** The series {@code name}, made on first use with these axis labels. */
    public synchronized SeriesRecorder series(String name, String xLabel, String yLabel) {
        return series.computeIfAbsent(name, n -> new SeriesRecorder(n, xLabel, yLabel));
    }

    /** What the summary says so far. */
    public synchronized Summary summary() {
        Map<String, Long> countValues = new LinkedHashMap<>();
        counts.forEach((name, adder) -> countValues.put(name, adder.sum()));
        List<Series> seriesValues = new ArrayList<>();
        series.values().forEach(recorder -> seriesValues.add(recorder.snapshot()));
        String jvm = Runtime.version() + " (" + System.getProperty("java.vm.vendor", "unknown vendor") + ")";
        return new Summary(job, started, Duration.ofNanos(System.nanoTime() - startNanos), jvm, ranks, nodes,
                parameters, countValues, figures, seriesValues);
    }

    /** Writes {@code summary.txt} and {@code latency.hlog} and closes {@code output.txt}; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (written != null) {
            return;
        }
        written = summary();
        try {
            output.close();
            writeLatencyLog(folder.resolve(RunFolder.LATENCY_LOG));
            Files.writeString(folder.resolve(RunFolder.SUMMARY), SummaryFile.format(written));
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot write the run folder (" + e.getMessage() + ")", e);
        }
    }

    private void writeLatencyLog(Path file) throws IOException {
        long startMillis = started.toEpochMilli();
        long endMillis = startMillis + written.elapsed().toMillis();
        try (PrintStream log = new PrintStream(Files.newOutputStream(file), false, java.nio.charset.StandardCharsets.US_ASCII)) {
            HistogramLogWriter writer = new HistogramLogWriter(log);
            writer.outputComment("cspjob " + job + " run: latencies in nanoseconds, one interval per tag");
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMillis);
            writer.setBaseTime(startMillis);
            writer.outputBaseTime(startMillis);
            writer.outputLegend();
            for (Map.Entry<String, Recorder> entry : latencies.entrySet()) {
                Histogram interval = entry.getValue().getIntervalHistogram();
                interval.setTag(entry.getKey());
                interval.setStartTimeStamp(startMillis);
                interval.setEndTimeStamp(endMillis);
                writer.outputIntervalHistogram(interval);
            }
            if (log.checkError()) {
                throw new IOException("writing " + file + " failed");
            }
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
