package cspjob.results;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a folder that is not a good run fails with one line that names the file and what is wrong. */
class RunReadErrorsTest {
    @TempDir
    Path temp;

    @Test
    void aMissingFolderIsNamed() {
        assertFailsNaming(temp.resolve("nope"), temp.resolve("nope") + ": no such run folder");
    }

    @Test
    void aFileIsNotARunFolder() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "hello");
        assertFailsNaming(file, file + ": not a run folder");
    }

    @Test
    void aFolderWithoutSummaryIsNotARunFolder() {
        assertFailsNaming(temp, temp + ": not a run folder (it has no summary.txt)");
    }

    @Test
    void aDamagedSummaryLineIsNamedWithItsLineNumber() throws Exception {
        Path folder = recordedRun();
        Path summary = folder.resolve(RunFolder.SUMMARY);
        Files.writeString(summary, Files.readString(summary).replace("figure best: 42", "figure best: forty-two"));
        assertFailsNaming(folder, summary + ":");
        assertFailsNaming(folder, "'forty-two' is not a number");
    }

    @Test
    void aSummaryWithoutJobIsNotACspjobSummary() throws Exception {
        Path folder = recordedRun();
        Path summary = folder.resolve(RunFolder.SUMMARY);
        Files.writeString(summary, "# some other tool\n");
        assertFailsNaming(folder, summary + ": not a cspjob run summary");
    }

    @Test
    void aDamagedLatencyLogIsNamed() throws Exception {
        Path folder = recordedRun();
        Path log = folder.resolve(RunFolder.LATENCY_LOG);
        String text = Files.readString(log);
        // Cut the compressed histogram in half, as a disk-full or a killed writer would.
        int start = text.indexOf("HIST");
        Files.writeString(log, text.substring(0, start + (text.length() - start) / 2) + "\n");
        assertFailsNaming(folder, log + ": not a readable HdrHistogram log");
    }

    private Path recordedRun() {
        Path folder = temp.resolve("run");
        try (RunRecorder run = RunRecorder.start("ring", folder)) {
            run.figure("best", 42);
            for (int i = 1; i < 10_000; i++) {
                run.latency("tokens=1").recordValue(i * 31L);
            }
        }
        return folder;
    }

    private static void assertFailsNaming(Path folder, String expected) {
        RunFolderException e = assertThrows(RunFolderException.class, () -> Run.read(folder));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
