package cspjob.results;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run folder's {@code summary.txt} says about one run of a job: when and where it ran, with which
 * parameters, and the figures it measured. Latency histograms live beside it in {@code latency.hlog}.
 *
 * @param job        the job's name, e.g. {@code ring}
 * @param started    when the run started
 * @param elapsed    how long it ran
 * @param jvm        the Java runtime that ran it (version and vendor)
 * @param ranks      how many ranks (JVMs) the job ran on
 * @param nodes      the nodes it ran on, in rank order of first use
 * @param parameters the job's options as it ran with them, defaults included
 * @param counts     totals such as messages sent
 * @param figures    single results such as the best nanoseconds per communication
 * @param series     lines of points, such as messages per second against concurrent tokens
 */
public record Summary(String job, Instant started, Duration elapsed, String jvm, int ranks, List<String> nodes,
        Map<String, String> parameters, Map<String, Long> counts, Map<String, Double> figures, List<Series> series) {

    public Summary {
        nodes = List.copyOf(nodes);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        series = List.copyOf(series);
    }

    /** The series of that name, or null. */
    public Series series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
