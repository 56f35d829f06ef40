package cspjob.runtime;

import cspjob.runtime.net.Connection;
import cspjob.runtime.net.JobSecret;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Worker JVMs: JVMs started for this one that connect back to it, say they are ready, and run the
 * processes sent to them until told to exit or until this JVM goes away ({@link WorkerMain}). A
 * jvm process runs in a worker of its own; a launcher starts one worker per rank, anywhere its
 * command can run, and places cluster processes on them ({@link Placement}).
 *
 * <pre>{@code
 * WorkerCommand command = Workers.command("rank-3");
 * Process jvm = command.processBuilder().inheritIO().start();    // or over SSH, on another node
 * Worker worker = Workers.await("rank-3", Duration.ofSeconds(30));
 * Object result = worker.run(new Doubler(in, out), "doubler");
 * }</pre>
 */
public final class Workers {
    static final String PARENT = "CSPJOB_PARENT";
    static final String NAME = "CSPJOB_WORKER";
    static final String TYPES = "CSPJOB_TYPES";

    private static final ConcurrentHashMap<String, CompletableFuture<Worker>> STARTING = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Long, PendingRun> RUNS = new ConcurrentHashMap<>();
    private static final AtomicLong RUN_IDS = new AtomicLong();
    private static volatile Placement placement;

    /** A process sent to another JVM, waiting for its result. */
    private record PendingRun(Connection connection, String where, CompletableFuture<Protocol.Result> result) {
    }

    private Workers() {
    }

    /**
     * The command that starts a worker named {@code name} reporting to this JVM: this JVM's java,
     * JVM flags and classpath, and an environment with the job's secret, this JVM's dispatcher
     * address and the registered types. Starts this JVM's dispatcher if it is not yet running.
     *
     * @throws IllegalStateException when a worker of that name is already starting or running
     */
    public static WorkerCommand command(String name) {
        if (name == null || name.isBlank() || name.contains(",")) {
            throw new IllegalArgumentException("a worker name must be non-empty and without commas, not '" + name + "'");
        }
        if (STARTING.putIfAbsent(name, new CompletableFuture<>()) != null) {
            throw new IllegalStateException("a worker named '" + name + "' was already started; give each worker its own name");
        }
        Network network = Network.get();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib:jdwp") && !flag.startsWith("-javaagent")) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkerMain.class.getName());
        InetSocketAddress self = network.address();
        return new WorkerCommand(name, command, Map.of(
                JobSecret.ENVIRONMENT, network.secretHex(),
                PARENT, self.getAddress().getHostAddress() + ":" + self.getPort(),
                NAME, name,
                TYPES, Network.userTypes().stream().map(Class::getName).collect(Collectors.joining(","))));
    }

    /**
     * Waits until the worker started with {@link #command(String) command(name)} has connected and
     * said it is ready.
     *
     * @throws TimeoutException when it has not within {@code timeout}
     */
    public static Worker await(String name, Duration timeout) throws InterruptedException, TimeoutException {
        CompletableFuture<Worker> ready = STARTING.get(name);
        if (ready == null) {
            throw new IllegalArgumentException("no worker named '" + name + "' was started with Workers.command");
        }
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TimeoutException("worker '" + name + "' did not report ready within " + timeout.toMillis()
                    + " ms; see its output, and check that it can reach " + Network.get().address());
        }
    }

    /** The worker's name may be used again (after its JVM has ended). */
    public static void forget(String name) {
        STARTING.remove(name);
    }

    /** Installs the placement of cluster processes in this JVM (a launcher does this once). */
    public static void placement(Placement chosen) {
        placement = chosen;
    }

    /** Whether cluster processes can run from this JVM: a placement is installed here, or this is a worker whose parent places them. */
    public static boolean canPlace() {
        return placement != null || WorkerMain.parentConnection() != null;
    }

    /** Runs a cluster process where the installed placement says (in a worker: where its parent's says). */
    static Object runPlaced(CspProcess process, String processName, int slot) throws Exception {
        Placement chosen = placement;
        Connection parent = WorkerMain.parentConnection();
        if (chosen == null && parent != null) {
            return await(parent, "the parent of this worker", new Protocol.Place(RUN_IDS.incrementAndGet(), process, processName, slot));
        }
        if (chosen == null) {
            throw new IllegalStateException("process '" + processName + "' is a cluster process, but this JVM has no placement for"
                    + " cluster processes; run the program with `cspjob run ... --cores N` (or install one with Workers.placement)");
        }
        Worker worker = chosen.place(processName, slot);
        return worker.run(process, processName);
    }

    /** Sends {@code process} over {@code connection} to be run there, and waits for its result. */
    static Object run(Connection connection, String where, CspProcess process, String processName) throws Exception {
        return await(connection, where, new Protocol.Run(RUN_IDS.incrementAndGet(), process));
    }

    /** A parent places a cluster process for one of its workers and sends back the result. */
    static void place(Connection from, Protocol.Place place) {
        Thread.startVirtualThread(() -> {
            Protocol.Result result;
            try {
                if (!(place.body() instanceof CspProcess process)) {
                    throw new IllegalArgumentException("a worker asked to place a " + place.body().getClass().getName() + ", not a CspProcess");
                }
                result = new Protocol.Result(place.run(), runPlaced(process, place.name(), place.slot()), null);
            } catch (Exception e) {
                result = new Protocol.Result(place.run(), null, e.getMessage());
            }
            from.send(result);
        });
    }

    /** Sends a Run or Place and waits for the Result it is answered with. */
    private static Object await(Connection connection, String where, Record message) throws Exception {
        long id = message instanceof Protocol.Run run ? run.run() : ((Protocol.Place) message).run();
        PendingRun pending = new PendingRun(connection, where, new CompletableFuture<>());
        RUNS.put(id, pending);
        try {
            connection.send(message);
            Protocol.Result result;
            try {
                result = pending.result().get();
            } catch (ExecutionException e) {
                throw (RemoteProcessException) e.getCause();
            }
            if (result.failure() != null) {
                throw new RemoteProcessException("in " + where + ": " + result.failure());
            }
            return result.value();
        } finally {
            RUNS.remove(id);
        }
    }

    /** A worker said it is ready, on its connection to us. */
    static void ready(Connection from, Protocol.Ready ready) {
        CompletableFuture<Worker> starting = STARTING.get(ready.worker());
        if (starting != null) {
            starting.complete(new Worker(ready.worker(), from, (InetSocketAddress) from.identity()));
        }
    }

    static void result(Protocol.Result result) {
        PendingRun pending = RUNS.get(result.run());
        if (pending != null) {
            pending.result().complete(result);
        }
    }

    /** A connection closed: every run sent over it fails, and a worker on it is gone. */
    static void closed(Connection connection, String why) {
        RUNS.values().forEach(pending -> {
            if (pending.connection() == connection) {
                pending.result().completeExceptionally(new RemoteProcessException(pending.where() + " went away before its process ended: " + why, true));
            }
        });
        STARTING.values().forEach(starting -> {
            Worker worker = starting.getNow(null);
            if (worker != null && worker.connection() == connection) {
                worker.lost(why);
            }
        });
    }

    /** A failure in another JVM, reported back to the JVM that sent the process. */
    static final class RemoteProcessException extends RuntimeException {
        /** Whether the other JVM went away, rather than its process failing. */
        final boolean lost;

        RemoteProcessException(String message) {
            this(message, false);
        }

        RemoteProcessException(String message, boolean lost) {
            super(message);
            this.lost = lost;
        }
    }
}
