package cspjob.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Quoted words go through a real bash unchanged. */
class ShellWordsTest {
    static final List<String> AWKWARD = List.of("plain", "two  words", "it's", "\"double\"", "$HOME", "`id`",
            "$(id)", "back\\slash", "", "new\nline", "*", "~", "a;b", "a=b", "--opt=it's here", "tab\there", "!event");

    @Test
    void everyWordComesOutOfBashAsItWentIn() throws Exception {
        assertEquals(AWKWARD, throughBash("printf '%s\\0' " + ShellWords.join(AWKWARD)));
    }

    @Test
    void plainWordsStayUnquoted() {
        assertEquals("--iterations 2000 --kind=thread /opt/cspjob/bin/cspjob",
                ShellWords.join(List.of("--iterations", "2000", "--kind=thread", "/opt/cspjob/bin/cspjob")));
        assertEquals("''", ShellWords.quote(""));
    }

    /** Runs a bash command line and splits its output at NUL bytes. */
    static List<String> throughBash(String commandLine) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", commandLine).redirectErrorStream(true).start();
        byte[] out = bash.getInputStream().readAllBytes();
        if (!bash.waitFor(30, TimeUnit.SECONDS) || bash.exitValue() != 0) {
            throw new AssertionError("bash failed on: " + commandLine + "\n" + new String(out, StandardCharsets.UTF_8));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
    }
}
