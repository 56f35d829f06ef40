package cspjob.launcher.ssh;

import java.util.List;

/**
 * What checking every node before the job starts found: the nodes reached (connected and logged
 * in) and one {@link ConnectFailure} per node that was not, all of them, in node-list order.
 * The launcher starts nothing unless {@link #ok()}; otherwise it prints {@link #report()} and
 * exits with its "cannot start" status.
 *
 * @param reached  the nodes whose sessions are open
 * @param failures the nodes that could not be reached, each with its reason
 */
public record Preflight(List<String> reached, List<ConnectFailure> failures) {
    public Preflight {
        reached = List.copyOf(reached);
        failures = List.copyOf(failures);
    }

    /** Every node was reached. */
    public boolean ok() {
        return failures.isEmpty();
    }

    /** One line per unreachable node, led by a summary line; empty when {@link #ok()}. */
    public List<String> report() {
        if (ok()) {
            return List.of();
        }
        int total = reached.size() + failures.size();
        var lines = new java.util.ArrayList<String>();
        lines.add("cspjob: " + failures.size() + " of " + total + " node" + (total == 1 ? "" : "s")
                + " cannot be reached over SSH; nothing was started:");
        failures.forEach(failure -> lines.add("  " + failure.line()));
        return List.copyOf(lines);
    }
}
