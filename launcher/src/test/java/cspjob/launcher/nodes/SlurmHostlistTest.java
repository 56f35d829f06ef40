package cspjob.launcher.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlurmHostlistTest {

    private static List<String> expand(String list) {
        return SlurmHostlist.expand(list, "$SLURM_JOB_NODELIST");
    }

    @Test
    void plainNamesAndCommas() {
        assertEquals(List.of("login", "n1", "gpu-a"), expand("login,n1,gpu-a"));
    }

    @Test
    void rangesKeepTheirZeroPadding() {
        assertEquals(List.of("n01", "n02", "n03", "n7"), expand("n[01-03,7]"));
        assertEquals(List.of("n8", "n9", "n10"), expand("n[8-10]"));
        assertEquals(List.of("n098", "n099", "n100"), expand("n[098-100]"));
    }

    @Test
    void commasInsideBracketsDoNotSplitHosts() {
        assertEquals(List.of("a1", "a3", "b", "c09", "c10"), expand("a[1,3],b,c[09-10]"));
    }

    @Test
    void aSuffixAfterTheBracketIsKept() {
        assertEquals(List.of("gpu-a01-ib", "gpu-a02-ib"), expand("gpu-a[01-02]-ib"));
    }

    @Test
    void severalBracketGroupsExpandAsAProductLeftmostSlowest() {
        assertEquals(List.of("a1b3", "a1b4", "a2b3", "a2b4"), expand("a[1-2]b[3-4]"));
    }

    @Test
    void badListsAreNamedWithTheBadPart() {
        for (String bad : List.of("n[1-", "n]1[", "n[[1]]", "n[a-b]", "n[3-1]", "n[1-2-3]", "n,,m", "n[]", ",n")) {
            NodeListException e = assertThrows(NodeListException.class, () -> expand(bad), bad);
            assertTrue(e.getMessage().startsWith("$SLURM_JOB_NODELIST: "), e.getMessage());
        }
    }

    @Test
    void aRangeWithoutPrefixGivesNumericNames() {
        assertEquals(List.of("1x", "2x"), expand("[1-2]x"));
        assertEquals(List.of("1", "2"), expand("[1-2]"));
    }

    @Test
    void aHugeRangeIsRefusedNotExpanded() {
        NodeListException e = assertThrows(NodeListException.class, () -> expand("n[0-999999999]"));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    void tasksPerNode() {
        assertEquals(List.of(2, 2, 2, 1), SlurmTasks.expand("2(x3),1", "$SLURM_TASKS_PER_NODE"));
        assertEquals(List.of(16), SlurmTasks.expand("16", "$SLURM_TASKS_PER_NODE"));
        for (String bad : List.of("", "2(x)", "x3", "0", "2(x0)", "1,,2")) {
            NodeListException e = assertThrows(NodeListException.class, () -> SlurmTasks.expand(bad, "$SLURM_TASKS_PER_NODE"), bad);
            assertTrue(e.getMessage().startsWith("$SLURM_TASKS_PER_NODE: "), e.getMessage());
        }
    }
}
