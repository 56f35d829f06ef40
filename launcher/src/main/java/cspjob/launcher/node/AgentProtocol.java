package cspjob.launcher.node;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of the line protocol between the launcher and a {@link NodeAgent} (described there),
 * and the escaping of fields: a field never holds a space, tab, line break or unescaped backslash,
 * so a line splits at single spaces. Output text is sent raw as the rest of its line.
 */
public final class AgentProtocol {
    // launcher -> agent
    public static final String DIR = "dir";
    public static final String RANK = "rank";
    public static final String ENV = "env";
    public static final String START = "start";
    public static final String STOP = "stop";
    // agent -> launcher
    public static final String AGENT = "agent";
    public static final String STARTED = "started";
    public static final String OUT = "out";
    public static final String ERR = "err";
    public static final String EXITED = "exited";
    public static final String FAILED = "failed";
    public static final String STOPPED = "stopped";

    private AgentProtocol() {
    }

    /** One line: the words, each field escaped. */
    public static String line(String word, Object... fields) {
        StringBuilder line = new StringBuilder(word);
        for (Object field : fields) {
            line.append(' ').append(escape(String.valueOf(field)));
        }
        return line.toString();
    }

    /** The fields of a line, unescaped; the first is the word. */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split(" ", -1)) {
            fields.add(unescape(field));
        }
        return fields;
    }

    /**
     * A line whose last part is raw text ({@code out R TEXT}): the {@code count} fields before the
     * text, then the text as it was.
     */
    public static List<String> fieldsThenText(String line, int count) {
        List<String> fields = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < count; i++) {
            int space = line.indexOf(' ', at);
            if (space < 0) {
                fields.add(unescape(line.substring(at)));
                fields.add("");
                return fields;
            }
            fields.add(unescape(line.substring(at, space)));
            at = space + 1;
        }
        fields.add(line.substring(at));
        return fields;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ' ' -> escaped.append("\\s");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        // An empty field still needs a mark, or two spaces in a row would read as one field.
        return escaped.isEmpty() ? "\\0" : escaped.toString();
    }

    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                text.append(c);
                continue;
            }
            char next = field.charAt(++i);
            switch (next) {
                case 's' -> text.append(' ');
                case 't' -> text.append('\t');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case '0' -> { }
                default -> text.append(next);
            }
        }
        return text.toString();
    }
}
