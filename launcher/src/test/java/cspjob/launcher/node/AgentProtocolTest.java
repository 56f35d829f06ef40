package cspjob.launcher.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentProtocolTest {

    @Test
    void fieldsWithSpacesBackslashesLineBreaksAndEmptinessComeBackAsTheyWere() {
        List<String> awkward = List.of("a b", "c\\d", "line\nbreak\r\n", "\ttab", "", "\\s", "plain");
        String line = AgentProtocol.line(AgentProtocol.RANK, awkward.toArray());
        assertFalse(line.contains("\n") || line.contains("\t"), line);
        List<String> fields = AgentProtocol.fields(line);
        assertEquals(AgentProtocol.RANK, fields.getFirst());
        assertEquals(awkward, fields.subList(1, fields.size()));
    }

    @Test
    void outputTextIsTheRawRestOfTheLine() {
        assertEquals(List.of("out", "3", "  two spaces \\s kept "), AgentProtocol.fieldsThenText("out 3   two spaces \\s kept ", 2));
        assertEquals(List.of("out", "3", ""), AgentProtocol.fieldsThenText("out 3", 2));
        assertEquals(List.of("out", "3", ""), AgentProtocol.fieldsThenText("out 3 ", 2));
    }
}
