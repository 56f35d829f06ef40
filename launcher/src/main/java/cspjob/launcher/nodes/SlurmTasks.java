package cspjob.launcher.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands Slurm's compressed task counts ({@code $SLURM_TASKS_PER_NODE}): {@code 2(x3),1} is
 * 2, 2, 2, 1, one count per node of {@code $SLURM_JOB_NODELIST}, in the same order.
 */
public final class SlurmTasks {
    private static final Pattern ITEM = Pattern.compile("(\\d{1,9})(?:\\(x(\\d{1,9})\\))?");

    private SlurmTasks() {
    }

    /** Expands {@code counts}; {@code source} names it in messages. */
    public static List<Integer> expand(String counts, String source) {
        List<Integer> tasks = new ArrayList<>();
        for (String item : counts.split(",", -1)) {
            Matcher matcher = ITEM.matcher(item.strip());
            if (!matcher.matches()) {
                throw new NodeListException(source + ": '" + item + "' in '" + counts + "' is not a count like 4 or 4(x2)");
            }
            int perNode = Integer.parseInt(matcher.group(1));
            int repeat = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
            if (perNode < 1 || repeat < 1 || tasks.size() + repeat > SlurmHostlist.MAX_HOSTS) {
                throw new NodeListException(source + ": '" + item + "' in '" + counts + "' must count at least 1 task on at least 1 node");
            }
            for (int i = 0; i < repeat; i++) {
                tasks.add(perNode);
            }
        }
        return tasks;
    }
}
