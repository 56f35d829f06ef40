package cspjob.results.report;

import cspjob.results.Run;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names runs for legends and tables by what sets them apart: among the runs of one job, the parameters
 * whose values differ (e.g. {@code become-home=true} and {@code become-home=false}); the job when several
 * jobs are reported; the folder name when nothing else tells two runs apart.
 */
final class RunLabels {
    private RunLabels() {
    }

    static Map<Run, String> of(List<Run> runs) {
        Map<String, List<Run>> byJob = new LinkedHashMap<>();
        runs.forEach(run -> byJob.computeIfAbsent(run.summary().job(), job -> new ArrayList<>()).add(run));
        Map<Run, String> labels = new IdentityHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        byJob.forEach((job, jobRuns) -> {
            List<String> differing = differingParameters(jobRuns);
            for (Run run : jobRuns) {
                List<String> parts = new ArrayList<>();
                if (byJob.size() > 1) {
                    parts.add(job);
                }
                differing.forEach(name -> parts.add(name + "=" + value(run, name)));
                String label = parts.isEmpty() ? run.name() : String.join(", ", parts);
                // Two runs with the same parameters (a repeat) are told apart by their folders.
                if (!used.add(label)) {
                    label = label + " (" + run.name() + ")";
                    used.add(label);
                }
                labels.put(run, label);
            }
        });
        return labels;
    }

    private static List<String> differingParameters(List<Run> runs) {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(run -> names.addAll(run.summary().parameters().keySet()));
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            Set<String> values = new LinkedHashSet<>();
            runs.forEach(run -> values.add(value(run, name)));
            if (values.size() > 1) {
                differing.add(name);
            }
        }
        return differing;
    }

    private static String value(Run run, String parameter) {
        return run.summary().parameters().getOrDefault(parameter, "(unset)");
    }
}
