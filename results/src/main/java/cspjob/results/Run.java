package cspjob.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One run of a job as read back from its run folder: the summary, and one latency histogram per tag
 * (every interval of that tag in the log, added up).
 *
 * <pre>{@code
 * Run run = Run.read(Path.of("runs/ring-20261122-074512"));
 * double p99 = run.latencies().get("tokens=16").getValueAtPercentile(99);
 * }</pre>
 *
 * @param folder    where the run lives
 * @param summary   what {@code summary.txt} says
 * @param latencies the histograms of {@code latency.hlog} by tag, in nanoseconds
 */
public record Run(Path folder, Summary summary, Map<String, Histogram> latencies) {

    public Run {
        latencies = Collections.unmodifiableMap(new LinkedHashMap<>(latencies));
    }

    /** The folder's name, e.g. {@code ring-20261122-074512}. */
    public String name() {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    /**
     * Reads a run folder.
     *
     * @throws RunFolderException when the folder is missing, is not a run folder, or holds a damaged file;
     *                            the message names the file
     */
    public static Run read(Path folder) {
        if (!Files.exists(folder)) {
            throw new RunFolderException(folder + ": no such run folder (give a folder that a job wrote, e.g. runs/commstime-20261122-074512)");
        }
        if (!Files.isDirectory(folder)) {
            throw new RunFolderException(folder + ": not a run folder (it is a file; give the folder that holds " + RunFolder.SUMMARY + ")");
        }
        Path summaryFile = folder.resolve(RunFolder.SUMMARY);
        if (!Files.isRegularFile(summaryFile)) {
            throw new RunFolderException(folder + ": not a run folder (it has no " + RunFolder.SUMMARY + ")");
        }
        Summary summary = SummaryFile.read(summaryFile);
        Path log = folder.resolve(RunFolder.LATENCY_LOG);
        return new Run(folder, summary, Files.exists(log) ? readLatencies(log) : Map.of());
    }

    private static Map<String, Histogram> readLatencies(Path log) {
        Map<String, Histogram> byTag = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(log); HistogramLogReader reader = new HistogramLogReader(in)) {
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null) {
                if (!(interval instanceof Histogram histogram)) {
                    throw new RunFolderException(log + ": holds a " + interval.getClass().getSimpleName()
                            + "; cspjob writes integer nanosecond histograms only");
                }
                String tag = histogram.getTag() == null ? "latency" : histogram.getTag();
                byTag.computeIfAbsent(tag, t -> new Histogram(3)).add(histogram);
            }
        } catch (IOException e) {
            throw new RunFolderException(log + ": cannot read the latency log (" + e.getMessage() + ")", e);
        } catch (RunFolderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunFolderException(log + ": not a readable HdrHistogram log (" + e + "); the run's latencies are damaged", e);
        }
        byTag.forEach((tag, histogram) -> histogram.setTag(tag));
        return byTag;
    }
}
