package cspjob.launcher.node;

import java.util.function.Function;

/** Chooses how to start the node agent of each host: this machine directly, any other through {@code remote}. */
public final class NodeStarters {
    /** For other hosts until the SSH way in is plugged in: says so, naming the host. */
    public static final NodeStarter NO_REMOTE = NodeStarter.unavailable(
            "it is not this machine, and this build of cspjob starts node agents on other hosts only over SSH, which it does not"
            + " have yet; use a node list of this machine alone (or no --hostfile)");

    private NodeStarters() {
    }

    /** This machine's hosts get a {@link LocalNodeStarter}, every other host {@code remote}. */
    public static Function<String, NodeStarter> choose(NodeStarter remote) {
        NodeStarter local = new LocalNodeStarter();
        return host -> LocalNodeStarter.isThisMachine(host) ? local : remote;
    }
}
