package cspjob.launcher.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.launcher.nodes.Node;
import cspjob.launcher.nodes.NodeList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {
    private static final NodeList THREE_BY_TWO = NodeList.of("test", List.of(new Node("a", 2), new Node("b", 2), new Node("c", 2)));
    private static final NodeList UNEVEN = NodeList.of("test", List.of(new Node("a", 3), new Node("b", 1), new Node("c", 2)));

    private static List<String> hosts(List<Slot> slots) {
        return slots.stream().map(Slot::host).toList();
    }

    @Test
    void blockedFillsANodeFirst() {
        assertEquals(List.of("a", "a", "b", "b", "c", "c"), hosts(PlacementState.order(THREE_BY_TWO, PlacementScheme.BLOCKED)));
    }

    @Test
    void stridedGoesRoundTheNodes() {
        assertEquals(List.of("a", "b", "c", "a", "b", "c"), hosts(PlacementState.order(THREE_BY_TWO, PlacementScheme.STRIDED)));
    }

    @Test
    void stridedSkipsNodesWhoseSlotsAreUsedUp() {
        List<Slot> order = PlacementState.order(UNEVEN, PlacementScheme.STRIDED);
        assertEquals(List.of("a", "b", "c", "a", "c", "a"), hosts(order));
        assertEquals(List.of(0, 3, 4, 1, 5, 2), order.stream().map(Slot::index).toList());
        assertEquals(List.of(0, 0, 0, 1, 1, 2), order.stream().map(Slot::slotOnNode).toList());
    }

    @Test
    void everySlotIsUsedExactlyOnceUnderEachScheme() {
        for (PlacementScheme scheme : PlacementScheme.values()) {
            List<Integer> indexes = new ArrayList<>(PlacementState.order(UNEVEN, scheme).stream().map(Slot::index).toList());
            indexes.sort(null);
            assertEquals(List.of(0, 1, 2, 3, 4, 5), indexes, scheme.name());
        }
    }

    @Test
    void aStateThatTravelsKeepsTheSchemeAlongASelfSpawningChain() {
        // Each process of a chain places the next one from the state it was given.
        PlacementState state = PlacementState.start(THREE_BY_TWO, PlacementScheme.STRIDED);
        List<String> chain = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            PlacementState.Placed placed = state.next();
            chain.add(placed.slot().host());
            state = placed.after();
        }
        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a"), chain, "wraps round after the last slot");
        assertEquals(7, state.placed());
    }

    @Test
    void pinningNamesASlotAndDoesNotMoveTheState() {
        PlacementState state = PlacementState.start(UNEVEN, PlacementScheme.STRIDED);
        assertEquals(new Slot("c", 2, 1, 5), state.pinned(5));
        assertEquals("a", state.next().slot().host());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> state.pinned(6));
        assertTrue(e.getMessage().contains("slots 0 to 5"), e.getMessage());
    }

    @Test
    void ranksPerCoreFollowTheScheme() {
        List<Rank> ranks = RankLayout.perCore(THREE_BY_TWO, PlacementScheme.STRIDED);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), ranks.stream().map(Rank::rank).toList());
        Map<String, List<Rank>> byHost = RankLayout.byHost(ranks);
        assertEquals(List.of("a", "b", "c"), List.copyOf(byHost.keySet()));
        assertEquals(List.of(0, 3), byHost.get("a").stream().map(Rank::rank).toList());
        assertEquals(List.of(2, 5), byHost.get("c").stream().map(Rank::rank).toList());
    }

    @Test
    void onePerNodeStandsForAllItsSlots() {
        List<Rank> ranks = RankLayout.perNode(UNEVEN);
        assertEquals(List.of("a", "b", "c"), ranks.stream().map(Rank::host).toList());
        assertEquals(List.of(3, 1, 2), ranks.stream().map(Rank::cores).toList());
        assertEquals(List.of(0, 3, 4), ranks.stream().map(rank -> rank.slot().index()).toList());
    }
}
