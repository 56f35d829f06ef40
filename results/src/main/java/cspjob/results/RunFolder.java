package cspjob.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a run's files go: {@code runs/JOB-YYYYMMDD-HHMMSS/} under the working folder, or a folder the
 * job was given ({@code --out DIR}). A run folder holds {@value #SUMMARY}, {@value #LATENCY_LOG}
 * (HdrHistogram's own log format, readable by its tools) and {@value #OUTPUT}.
 */
public final class RunFolder {
    /** The run summary: {@code KEY: VALUE} lines. */
    public static final String SUMMARY = "summary.txt";
    /** The latency histograms, one interval per tag, in HdrHistogram's log format. */
    public static final String LATENCY_LOG = "latency.hlog";
    /** What the job printed. */
    public static final String OUTPUT = "output.txt";
    /** The folder that holds the runs when no {@code --out} is given. */
    public static final Path DEFAULT_PARENT = Path.of("runs");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolder() {
    }

    /**
     * Makes the folder for a new run.
     *
     * @param out    the folder the job was given, or null for a new {@code PARENT/JOB-TIMESTAMP}
     * @param parent where runs without {@code --out} go, normally {@link #DEFAULT_PARENT}
     * @throws RunFolderException when {@code out} already holds a run or cannot be made
     */
    static Path create(String job, Path out, Path parent, LocalDateTime now) {
        try {
            if (out != null) {
                if (Files.exists(out.resolve(SUMMARY))) {
                    throw new RunFolderException(out + ": already holds a run (" + SUMMARY + "); give another --out folder or remove this one");
                }
                return Files.createDirectories(out);
            }
            Files.createDirectories(parent);
            String base = job + "-" + STAMP.format(now);
            // Two runs started in the same second (a batch array, say) get -2, -3, ...: createDirectory is atomic.
            for (int attempt = 1; ; attempt++) {
                Path folder = parent.resolve(attempt == 1 ? base : base + "-" + attempt);
                try {
                    return Files.createDirectory(folder);
                } catch (FileAlreadyExistsException taken) {
                    // try the next suffix
                }
            }
        } catch (IOException e) {
            Path where = out != null ? out : parent;
            throw new RunFolderException(where + ": cannot make the run folder (" + e + "); give a writable --out folder", e);
        }
    }
}
