package cspjob.launcher.ssh;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quotes words for a POSIX shell: an SSH server hands the command line to the remote user's shell. */
final class ShellQuoting {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellQuoting() {
    }

    static String join(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("an empty command: name a program to run");
        }
        return words.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }

    /** The word as is when it has no special characters, else in single quotes ({@code '} as {@code '\''}). */
    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
