package cspjob.launcher.node;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines that start a JVM like this one: the same java, JVM flags and class path (every node
 * sees the same files, as in PyCSP), without debugger or agent flags.
 */
public final class JavaCommand {
    /** Flags that make the node agent start fast and stay small; it only moves lines. */
    static final List<String> AGENT_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-Xss512k");

    private JavaCommand() {
    }

    /** {@code java FLAGS -cp CLASSPATH MAIN ARGS...} for a JVM like this one. */
    public static List<String> of(String mainClass, List<String> extraFlags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib:") && !flag.startsWith("-javaagent") && !flag.startsWith("-Xrunjdwp")) {
                command.add(flag);
            }
        }
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The command line of a node agent. */
    public static List<String> nodeAgent() {
        return of(NodeAgent.class.getName(), AGENT_FLAGS, List.of());
    }
}
