package cspjob.launcher.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a host file (and a PBS node file, which is the same format without {@code slots=}).
 *
 * <pre>
 * # comments and blank lines are skipped
 * node1              one slot; a host on several lines has one slot per line
 * node1
 * node2 slots=16     sixteen slots
 * </pre>
 */
public final class Hostfile {
    private static final Pattern LINE = Pattern.compile("(\\S+)(?:\\s+slots\\s*=\\s*(\\S+))?");

    private Hostfile() {
    }

    /** Reads {@code file}; {@code source} names it in messages (e.g. {@code $PBS_NODEFILE (/var/spool/...)}). */
    public static NodeList read(Path file, String source) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new NodeListException("cannot read " + source + ": " + e + "; check that the file exists and is readable");
        }
        return parse(lines, source);
    }

    /** Parses the lines of a host file. */
    public static NodeList parse(List<String> lines, String source) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new NodeListException(source + " line " + (i + 1) + ": '" + lines.get(i).strip()
                        + "' is not 'HOST' or 'HOST slots=N'");
            }
            nodes.add(new Node(matcher.group(1), slots(matcher.group(2), source, i + 1)));
        }
        if (nodes.isEmpty()) {
            throw new NodeListException(source + " names no host (only comments or blank lines); put one host name a line in it");
        }
        return NodeList.of(source, nodes);
    }

    private static int slots(String text, String source, int line) {
        if (text == null) {
            return 1;
        }
        try {
            int slots = Integer.parseInt(text);
            if (slots >= 1) {
                return slots;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new NodeListException(source + " line " + line + ": slots=" + text + " is not a whole number of at least 1");
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
