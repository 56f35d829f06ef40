package cspjob.launcher.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of sources (hostfile, PBS, Slurm, this machine) and taking the first slots. */
class NodeListsTest {

    @Test
    void aHostfileWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
        Path hostfile = Files.writeString(dir.resolve("h"), "mine slots=2\n");
        Path pbs = Files.writeString(dir.resolve("pbs"), "pbs1\n");
        NodeList nodes = NodeLists.find(hostfile, Map.of("PBS_NODEFILE", pbs.toString(), "SLURM_JOB_NODELIST", "s1"), 8);
        assertEquals(List.of(new Node("mine", 2)), nodes.nodes());
        assertEquals("hostfile " + hostfile, nodes.source());
    }

    @Test
    void pbsWinsOverSlurm(@TempDir Path dir) throws Exception {
        Path pbs = Files.writeString(dir.resolve("pbs"), "p1\np1\np2\np2\n");
        NodeList nodes = NodeLists.find(null, Map.of("PBS_NODEFILE", pbs.toString(), "SLURM_JOB_NODELIST", "s1"), 8);
        assertEquals(List.of(new Node("p1", 2), new Node("p2", 2)), nodes.nodes());
        assertTrue(nodes.source().startsWith("$PBS_NODEFILE"), nodes.source());
    }

    @Test
    void slurmWithTasksPerNode() {
        NodeList nodes = NodeLists.find(null, Map.of("SLURM_JOB_NODELIST", "c[1-3],d", "SLURM_TASKS_PER_NODE", "4(x3),2"), 8);
        assertEquals(List.of(new Node("c1", 4), new Node("c2", 4), new Node("c3", 4), new Node("d", 2)), nodes.nodes());
    }

    @Test
    void slurmWithoutTasksHasOneSlotPerNode() {
        assertEquals(2, NodeLists.find(null, Map.of("SLURM_JOB_NODELIST", "c[1-2]"), 8).totalSlots());
    }

    @Test
    void slurmCountsThatDoNotMatchTheNodesNameBothVariables() {
        NodeListException e = assertThrows(NodeListException.class,
                () -> NodeLists.find(null, Map.of("SLURM_JOB_NODELIST", "c[1-3]", "SLURM_TASKS_PER_NODE", "4(x2)"), 8));
        assertTrue(e.getMessage().contains("$SLURM_TASKS_PER_NODE") && e.getMessage().contains("$SLURM_JOB_NODELIST"), e.getMessage());
    }

    @Test
    void withNothingGivenThisMachineHasOneSlotPerCore() {
        NodeList nodes = NodeLists.find(null, Map.of(), 6);
        assertEquals(List.of(new Node(NodeLists.THIS_MACHINE, 6)), nodes.nodes());
    }

    @Test
    void firstSlotsTakesNodesInOrder() {
        NodeList nodes = NodeList.of("test", List.of(new Node("a", 2), new Node("b", 3), new Node("c", 1)));
        assertEquals(List.of(new Node("a", 2), new Node("b", 2)), nodes.firstSlots(4).nodes());
        assertEquals(nodes.nodes(), nodes.firstSlots(6).nodes());
        assertEquals(List.of(new Node("a", 1)), nodes.firstSlots(1).nodes());
    }

    @Test
    void askingForMoreSlotsThanTheListHoldsNamesTheSourceAndItsSize() {
        NodeList nodes = NodeList.of("hostfile /x", List.of(new Node("a", 2), new Node("b", 3)));
        NodeListException e = assertThrows(NodeListException.class, () -> nodes.firstSlots(6));
        assertTrue(e.getMessage().contains("hostfile /x") && e.getMessage().contains("5 slots on 2 nodes"), e.getMessage());
        assertThrows(NodeListException.class, () -> nodes.firstSlots(0));
    }
}
