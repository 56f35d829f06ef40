package cspjob.serializers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Runs a test main class in a fresh JVM with the project's JVM flags (bin/jvm.properties). */
final class ChildJvm {
    record Result(int exitCode, String stdout, String stderr) { }

    private ChildJvm() {
    }

    /** The flags every cspjob JVM runs with, read from the one place they are kept. */
    static List<String> projectFlags() throws IOException {
        Path file = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (file != null && !Files.exists(file.resolve("bin/jvm.properties"))) file = file.getParent();
        if (file == null) throw new IllegalStateException("bin/jvm.properties not found above " + System.getProperty("user.dir"));
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file.resolve("bin/jvm.properties"))) {
            properties.load(in);
        }
        return Arrays.asList(properties.getProperty("jvm.flags").trim().split("\\s+"));
    }

    static Result run(Class<?> main, List<String> jvmOptions, long timeoutSeconds) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        Path out = Files.createTempFile("child", ".out");
        Path err = Files.createTempFile("child", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(main.getSimpleName() + " did not finish in " + timeoutSeconds + " s; stderr: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
