package cspjob.runtime;

import java.util.List;
import java.util.Map;

/**
 * How to start one worker JVM: the command line (java, JVM flags, classpath, main class) and the
 * environment it needs. The environment holds the job's secret, so it must reach the new JVM
 * through its environment (or a pipe), never through a command line, which {@code ps} shows.
 *
 * @param name        the worker's name, which {@link Workers#await} waits for
 * @param command     the command line, ready for {@link ProcessBuilder}
 * @param environment variables to add to the new JVM's environment
 */
public record WorkerCommand(String name, List<String> command, Map<String, String> environment) {
    public WorkerCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** A process builder for this command on this machine, its environment filled in. */
    public ProcessBuilder processBuilder() {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder;
    }

    @Override
    public String toString() {
        return "WorkerCommand[" + name + ": " + String.join(" ", command) + " (and " + environment.size() + " environment variables)]";
    }
}
