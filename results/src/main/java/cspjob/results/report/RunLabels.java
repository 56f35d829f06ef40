package cspjob.results.report;

import cspjob.results.Run;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names runs for legends and tables by what sets them apart: the parameters whose values differ
 * between the runs given (e.g. {@code become-home=true} and {@code become-home=false}), the job when
 * jobs differ, and the folder name when nothing else does.
 */
final class RunLabels {
    private RunLabels() {
    }

    static Map<Run, String> of(List<Run> runs) {
        Set<String> jobs = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(run -> {
            jobs.add(run.summary().job());
            names.addAll(run.summary().parameters().keySet());
        });
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            Set<String> values = new LinkedHashSet<>();
            runs.forEach(run -> values.add(run.summary().parameters().getOrDefault(name, "(unset)")));
            if (values.size() > 1) {
                differing.add(name);
            }
        }
        Map<Run, String> labels = new IdentityHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (Run run : runs) {
            List<String> parts = new ArrayList<>();
            if (jobs.size() > 1) {
                parts.add(run.summary().job());
            }
            differing.forEach(name -> parts.add(name + "=" + run.summary().parameters().getOrDefault(name, "(unset)")));
            String label = parts.isEmpty() ? run.name() : String.join(", ", parts);
            // Two runs with the same parameters (a repeat) are told apart by their folders.
            if (!used.add(label)) {
                label = label + " (" + run.name() + ")";
                used.add(label);
            }
            labels.put(run, label);
        }
        return labels;
    }
}
