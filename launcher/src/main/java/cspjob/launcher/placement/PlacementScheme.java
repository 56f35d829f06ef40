package cspjob.launcher.placement;

/**
 * How ranks and cluster processes are spread over the slots of a node list (seed 000 §3.2,
 * Listing 5: PyCSP's {@code cluster_hint}).
 */
public enum PlacementScheme {
    /** Fill a node's slots before going to the next node: neighbours share a node. */
    BLOCKED,
    /** One slot of each node in turn (round-robin): neighbours are on different nodes. */
    STRIDED
}
