package cspjob.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where this cspjob is installed: the folder that holds {@code bin/cspjob}. */
final class Installation {
    private Installation() {
    }

    /**
     * The absolute path of this installation's {@code bin/cspjob}: from the {@code cspjob.home}
     * system property, else {@code $CSPJOB_HOME}, else the first folder above this class's jar
     * (or classes folder) that holds an executable {@code bin/cspjob}.
     *
     * @throws IllegalArgumentException when none is found, saying how to name it
     */
    static Path cspjobScript() {
        for (String home : new String[] {System.getProperty("cspjob.home"), System.getenv("CSPJOB_HOME")}) {
            if (home != null && !home.isBlank()) {
                Path script = Path.of(home, "bin", "cspjob").toAbsolutePath().normalize();
                if (Files.isExecutable(script)) {
                    return script;
                }
            }
        }
        Path codeSource = codeSource();
        for (Path folder = codeSource; folder != null; folder = folder.getParent()) {
            Path script = folder.resolve("bin").resolve("cspjob");
            if (Files.isRegularFile(script) && Files.isExecutable(script)) {
                return script;
            }
        }
        throw new IllegalArgumentException("cannot tell where this installation's bin/cspjob is (looked at -Dcspjob.home, "
                + "$CSPJOB_HOME and the folders above " + codeSource + "); give it with --cspjob /absolute/path/to/bin/cspjob");
    }

    private static Path codeSource() {
        try {
            return Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
