package cspjob.launcher.nodes;

/**
 * One node of a job: a host name as the node list gives it, and how many slots (cores, ranks) the
 * job may use there.
 */
public record Node(String host, int slots) {
    public Node {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a node needs a host name");
        }
        if (slots < 1) {
            throw new IllegalArgumentException("node " + host + " needs at least one slot, not " + slots);
        }
    }
}
