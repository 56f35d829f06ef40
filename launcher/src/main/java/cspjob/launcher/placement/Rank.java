package cspjob.launcher.placement;

/**
 * One rank of a job: a JVM on a node, numbered from 0.
 *
 * @param rank  the rank's number
 * @param slot  where it runs (with one JVM per node: the node's first slot)
 * @param cores how many of the node's slots it stands for: 1, or all of them with one JVM per node
 */
public record Rank(int rank, Slot slot, int cores) {
    public String host() {
        return slot.host();
    }
}
