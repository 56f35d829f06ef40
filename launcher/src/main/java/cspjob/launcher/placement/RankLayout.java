package cspjob.launcher.placement;

import cspjob.launcher.nodes.NodeList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ranks of a job on its node list: which rank runs where. */
public final class RankLayout {
    private RankLayout() {
    }

    /** One rank per slot: rank {@code r} takes the {@code r}-th slot of the scheme. */
    public static List<Rank> perCore(NodeList nodes, PlacementScheme scheme) {
        List<Rank> ranks = new ArrayList<>();
        for (Slot slot : PlacementState.order(nodes, scheme)) {
            ranks.add(new Rank(ranks.size(), slot, 1));
        }
        return ranks;
    }

    /** One rank per node, numbered in node-list order, standing for all of its slots. */
    public static List<Rank> perNode(NodeList nodes) {
        List<Rank> ranks = new ArrayList<>();
        int index = 0;
        for (int n = 0; n < nodes.nodes().size(); n++) {
            var node = nodes.nodes().get(n);
            ranks.add(new Rank(n, new Slot(node.host(), n, 0, index), node.slots()));
            index += node.slots();
        }
        return ranks;
    }

    /** The ranks grouped by host, hosts in node-list order: what each node agent starts. */
    public static Map<String, List<Rank>> byHost(List<Rank> ranks) {
        Map<String, List<Rank>> byNode = new LinkedHashMap<>();
        ranks.stream().sorted((a, b) -> Integer.compare(a.slot().node(), b.slot().node()))
                .forEach(rank -> byNode.computeIfAbsent(rank.host(), host -> new ArrayList<>()).add(rank));
        return byNode;
    }
}
