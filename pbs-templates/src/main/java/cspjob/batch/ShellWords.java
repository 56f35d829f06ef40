package cspjob.batch;

import java.util.List;
import java.util.stream.Collectors;

/** Quotes words for a POSIX shell, so that a script passes them on exactly as given. */
public final class ShellWords {
    private ShellWords() {
    }

    /**
     * One word, quoted only when it needs it: {@code abc} stays {@code abc}, {@code it's} becomes
     * {@code 'it'\''s'}. Inside single quotes the shell expands nothing, so only {@code '} needs care.
     */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(ShellWords::isPlain)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words quoted and joined by spaces. */
    public static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    private static boolean isPlain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_./:=,+@%".indexOf(c) >= 0;
    }
}
