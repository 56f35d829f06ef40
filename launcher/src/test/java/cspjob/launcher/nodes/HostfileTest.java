package cspjob.launcher.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostfileTest {

    @Test
    void repeatedLinesAreSlotsOfOneNodeInFirstSeenOrder() {
        NodeList nodes = Hostfile.parse(List.of("n2", "n1", "n2", "n2"), "hostfile h");
        assertEquals(List.of(new Node("n2", 3), new Node("n1", 1)), nodes.nodes());
        assertEquals(4, nodes.totalSlots());
    }

    @Test
    void slotsCommentsAndBlankLines() {
        NodeList nodes = Hostfile.parse(List.of("# the cluster", "", "a slots=4   # big", "  b  slots = 2", "a"), "hostfile h");
        assertEquals(List.of(new Node("a", 5), new Node("b", 2)), nodes.nodes());
    }

    @Test
    void aBadLineIsNamedWithItsNumber() {
        NodeListException e = assertThrows(NodeListException.class,
                () -> Hostfile.parse(List.of("a", "b c d"), "hostfile /tmp/h"));
        assertTrue(e.getMessage().startsWith("hostfile /tmp/h line 2:"), e.getMessage());
    }

    @Test
    void badSlotCountsAreRefused() {
        for (String line : List.of("a slots=0", "a slots=-1", "a slots=many")) {
            NodeListException e = assertThrows(NodeListException.class, () -> Hostfile.parse(List.of(line), "hostfile h"));
            assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("slots="), e.getMessage());
        }
    }

    @Test
    void aFileWithNoHostIsRefused() {
        NodeListException e = assertThrows(NodeListException.class, () -> Hostfile.parse(List.of("# none", " "), "hostfile h"));
        assertTrue(e.getMessage().contains("names no host"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nodes");
        NodeListException e = assertThrows(NodeListException.class, () -> Hostfile.read(missing, "hostfile " + missing));
        assertTrue(e.getMessage().contains("cannot read hostfile " + missing), e.getMessage());
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("nodes"), "x\ny slots=3\n");
        assertEquals(4, Hostfile.read(file, "hostfile").totalSlots());
    }
}
