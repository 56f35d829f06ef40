package cspjob.launcher.placement;

import cspjob.launcher.nodes.Node;
import cspjob.launcher.nodes.NodeList;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the next process goes: the node list, the scheme and how many processes were placed so
 * far. It is a value that travels with a process to the node it runs on, so a process that spawns
 * the next one there goes on with the same scheme instead of starting again at the first slot
 * (seed 000 §3.2). Past the last slot, placement wraps round to the first (more processes than
 * slots share them).
 *
 * <pre>{@code
 * PlacementState state = PlacementState.start(nodes, PlacementScheme.STRIDED);
 * PlacementState.Placed first = state.next();      // first.slot() on node 0
 * PlacementState.Placed second = first.after().next();  // on node 1
 * }</pre>
 */
public record PlacementState(NodeList nodes, PlacementScheme scheme, long placed) {

    /** A slot chosen, and the state for the process after it. */
    public record Placed(Slot slot, PlacementState after) {
    }

    public PlacementState {
        if (placed < 0) {
            throw new IllegalArgumentException("placed must not be negative: " + placed);
        }
    }

    /** No process placed yet. */
    public static PlacementState start(NodeList nodes, PlacementScheme scheme) {
        return new PlacementState(nodes, scheme, 0);
    }

    /** The slot of the next process under the scheme. */
    public Placed next() {
        List<Slot> order = order(nodes, scheme);
        return new Placed(order.get((int) (placed % order.size())), new PlacementState(nodes, scheme, placed + 1));
    }

    /**
     * The slot at {@code index} in the node list taken node by node (PyCSP's {@code cluster_pin});
     * pinning does not move the state on.
     *
     * @throws IllegalArgumentException naming the node list and its size when there is no such slot
     */
    public Slot pinned(int index) {
        List<Slot> slots = order(nodes, PlacementScheme.BLOCKED);
        if (index < 0 || index >= slots.size()) {
            throw new IllegalArgumentException("cannot pin to slot " + index + ": " + nodes.source() + " has slots 0 to "
                    + (slots.size() - 1) + " (" + nodes.describe() + ")");
        }
        return slots.get(index);
    }

    /** Every slot once, in the order the scheme fills them. */
    public static List<Slot> order(NodeList nodes, PlacementScheme scheme) {
        List<Node> list = nodes.nodes();
        int[] firstIndex = new int[list.size()];
        int widest = 0;
        for (int n = 1; n < list.size(); n++) {
            firstIndex[n] = firstIndex[n - 1] + list.get(n - 1).slots();
        }
        for (Node node : list) {
            widest = Math.max(widest, node.slots());
        }
        List<Slot> order = new ArrayList<>(nodes.totalSlots());
        if (scheme == PlacementScheme.BLOCKED) {
            for (int n = 0; n < list.size(); n++) {
                for (int s = 0; s < list.get(n).slots(); s++) {
                    order.add(new Slot(list.get(n).host(), n, s, firstIndex[n] + s));
                }
            }
        } else {
            // Round by round; a node with fewer slots drops out once they are all used.
            for (int s = 0; s < widest; s++) {
                for (int n = 0; n < list.size(); n++) {
                    if (s < list.get(n).slots()) {
                        order.add(new Slot(list.get(n).host(), n, s, firstIndex[n] + s));
                    }
                }
            }
        }
        return order;
    }
}
