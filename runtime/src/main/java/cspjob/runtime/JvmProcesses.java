package cspjob.runtime;

import cspjob.runtime.net.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The parent's side of the jvm process kind: starts a JVM with this one's java, classpath and JVM
 * flags, hands it the job's secret and the registered types through its environment (never its
 * command line), sends it the process once it is ready, and waits for the result. The child's side
 * is {@link JvmProcessMain}.
 *
 * <p>When a jvm process's JVM ends: as soon as its process has ended and the result is back (the
 * parent says {@link Protocol.Exit}), or at once when the parent JVM goes away, so no JVM is ever
 * left behind. Channels whose home is such a JVM end with it.
 */
final class JvmProcesses {
    static final String PARENT = "CSPJOB_PARENT";
    static final String PROCESS = "CSPJOB_PROCESS";
    static final String TYPES = "CSPJOB_TYPES";
    private static final AtomicLong IDS = new AtomicLong();
    private static final ConcurrentHashMap<Long, Child> CHILDREN = new ConcurrentHashMap<>();

    /** One started JVM, as its parent sees it. */
    private record Child(CompletableFuture<Connection> ready, CompletableFuture<Protocol.Result> result) {
    }

    private JvmProcesses() {
    }

    /** Runs {@code process} in a new JVM and returns its result; called on the process's own thread. */
    static Object run(CspProcess process, String name) throws Exception {
        Network network = Network.get();
        long id = IDS.incrementAndGet();
        Child child = new Child(new CompletableFuture<>(), new CompletableFuture<>());
        CHILDREN.put(id, child);
        Process jvm = start(network, id);
        boolean toldToExit = false;
        try {
            Connection connection = await(child.ready(), jvm, name, "to start");
            connection.send(new Protocol.Run(id, process));
            Protocol.Result result = await(child.result(), jvm, name, "to run");
            connection.send(new Protocol.Exit(id));
            toldToExit = true;
            if (result.failure() != null) {
                throw new RemoteProcessException("in its JVM (pid " + jvm.pid() + "): " + result.failure());
            }
            return result.value();
        } finally {
            CHILDREN.remove(id);
            // A JVM that was told to exit gets a moment to do so; any other is ended now: none is left behind.
            if (!toldToExit || !jvm.waitFor(10, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
            }
        }
    }

    private static Process start(Network network, long id) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib:jdwp") && !flag.startsWith("-javaagent")) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(JvmProcessMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(cspjob.runtime.net.JobSecret.ENVIRONMENT, network.secretHex());
        builder.environment().put(PARENT, network.address().getAddress().getHostAddress() + ":" + network.address().getPort());
        builder.environment().put(PROCESS, Long.toString(id));
        builder.environment().put(TYPES, Network.userTypes().stream().map(Class::getName).collect(Collectors.joining(",")));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for a jvm process: " + e.getMessage(), e);
        }
    }

    /** Waits for a step of the child, failing at once if its JVM ends first. */
    private static <T> T await(CompletableFuture<T> step, Process jvm, String name, String what) throws Exception {
        while (true) {
            try {
                return step.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!jvm.isAlive() && !step.isDone()) {
                    throw new RemoteProcessException("its JVM (pid " + jvm.pid() + ") ended with exit code " + jvm.exitValue()
                            + " before it was done " + what + "; see its output above");
                }
            } catch (ExecutionException e) {
                throw (Exception) e.getCause();
            }
        }
    }

    /** A child said it is ready (on its connection to us). */
    static void ready(Connection from, Protocol.Ready ready) {
        Child child = CHILDREN.get(ready.process());
        if (child != null) {
            child.ready().complete(from);
        }
    }

    static void result(Protocol.Result result) {
        Child child = CHILDREN.get(result.process());
        if (child != null) {
            child.result().complete(result);
        }
    }

    /** A failure in a jvm process's own JVM, reported back to its parent. */
    static final class RemoteProcessException extends RuntimeException {
        RemoteProcessException(String message) {
            super(message);
        }
    }
}
