package cspjob.launcher.nodes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes a job may run on, in the order of their source, each with its slots. A host named
 * twice is one node whose slots add up (a PBS node file names a host once per core).
 *
 * <pre>{@code
 * NodeList nodes = NodeList.of("hostfile hosts.txt", List.of(new Node("n1", 2), new Node("n2", 2)));
 * NodeList four = nodes.firstSlots(3);   // n1 x2, n2 x1
 * }</pre>
 *
 * @param source where the list came from, for messages: {@code hostfile /path}, {@code $PBS_NODEFILE (/path)}, ...
 * @param nodes  every node once, in first-seen order
 */
public record NodeList(String source, List<Node> nodes) {
    public NodeList {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new NodeListException(source + " names no host; put one host name a line in it");
        }
    }

    /** The list from these nodes, merging the slots of a host named more than once. */
    public static NodeList of(String source, List<Node> nodes) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (Node node : nodes) {
            slots.merge(node.host(), node.slots(), Math::addExact);
        }
        List<Node> merged = new ArrayList<>();
        slots.forEach((host, count) -> merged.add(new Node(host, count)));
        return new NodeList(source, merged);
    }

    /** Every slot of every node. */
    public int totalSlots() {
        return nodes.stream().mapToInt(Node::slots).sum();
    }

    /**
     * The first {@code cores} slots, taken node by node in list order.
     *
     * @throws NodeListException when the list holds fewer slots, naming its source and size
     */
    public NodeList firstSlots(int cores) {
        if (cores < 1) {
            throw new NodeListException("--cores must be at least 1, not " + cores);
        }
        int total = totalSlots();
        if (cores > total) {
            throw new NodeListException("--cores " + cores + " asks for more slots than " + source + " holds: "
                    + total + " slot" + (total == 1 ? "" : "s") + " on " + nodes.size() + " node"
                    + (nodes.size() == 1 ? "" : "s") + "; ask for at most " + total + " or give a larger node list");
        }
        List<Node> taken = new ArrayList<>();
        int left = cores;
        for (Node node : nodes) {
            if (left == 0) {
                break;
            }
            int slots = Math.min(left, node.slots());
            taken.add(new Node(node.host(), slots));
            left -= slots;
        }
        return new NodeList(source, taken);
    }

    /** One line for messages and reports: {@code 3 nodes, 6 slots from hostfile hosts.txt: n1 x2, ...}. */
    public String describe() {
        StringBuilder text = new StringBuilder().append(nodes.size()).append(nodes.size() == 1 ? " node, " : " nodes, ")
                .append(totalSlots()).append(" slots from ").append(source).append(':');
        String separator = " ";
        for (Node node : nodes) {
            text.append(separator).append(node.host()).append(" x").append(node.slots());
            separator = ", ";
        }
        return text.toString();
    }
}
