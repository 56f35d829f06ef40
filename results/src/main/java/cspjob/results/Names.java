package cspjob.results;

/**
 * The rules for names in a run summary. A summary line is {@code KIND NAME: VALUE}, split at the first
 * colon, and a series line separates its fields with {@code |}; so names hold neither, and no line
 * breaks. Latency tags go into HdrHistogram's log, whose reader splits on spaces and commas.
 */
final class Names {
    private Names() {
    }

    /** Returns {@code name} when it can stand in a summary line; otherwise throws, naming {@code what}. */
    static String check(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " name is empty; give it a name such as 'messages/s'");
        }
        if (!name.equals(name.strip()) || name.indexOf(':') >= 0 || name.indexOf('|') >= 0
                || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the " + what + " name '" + name
                    + "' cannot be written to a run summary: names hold no ':', '|' or line break, and no leading or trailing space");
        }
        return name;
    }

    /** Returns {@code value} when it fits on one summary line. */
    static String checkValue(String what, String value) {
        if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the value of " + what + " must be one line of text, not '" + value + "'");
        }
        return value.strip();
    }

    /** Returns {@code tag} when HdrHistogram's log can carry it: one word without commas, e.g. {@code tokens=16}. */
    static String checkTag(String tag) {
        check("latency", tag);
        if (!tag.matches("[^\\s,]+")) {
            throw new IllegalArgumentException("the latency tag '" + tag
                    + "' has a space or a comma; HdrHistogram log tags are one word, e.g. 'tokens=16' or 'ns-per-communication'");
        }
        return tag;
    }
}
