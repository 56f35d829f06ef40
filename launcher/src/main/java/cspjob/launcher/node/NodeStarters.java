package cspjob.launcher.node;

import java.util.function.Function;

/** Chooses how to start the node agent of each host: this machine directly, any other through {@code remote}. */
public final class NodeStarters {
    /** For a node list of this machine alone: another host has no way in, and the error says so, naming it. */
    public static final NodeStarter NO_REMOTE = NodeStarter.unavailable(
            "it is not this machine, and no way to other hosts was given (cspjob run reaches them over SSH)");

    private NodeStarters() {
    }

    /** This machine's hosts get a {@link LocalNodeStarter}, every other host {@code remote}. */
    public static Function<String, NodeStarter> choose(NodeStarter remote) {
        NodeStarter local = new LocalNodeStarter();
        return host -> LocalNodeStarter.isThisMachine(host) ? local : remote;
    }
}
