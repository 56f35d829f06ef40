package cspjob.runtime;

import cspjob.runtime.net.Connection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The main class of a worker JVM ({@link Workers}): connects back to the JVM that started it (its
 * parent), says it is ready, runs every process it is sent, each in a virtual thread of its own,
 * reports each one's result to the JVM that sent it, and ends when told to or at once when its
 * parent goes away, so that no worker outlives its job. Cluster processes that its processes start
 * are placed by the parent.
 */
public final class WorkerMain {
    private static final CompletableFuture<Integer> EXIT = new CompletableFuture<>();
    private static volatile InetSocketAddress parent;
    private static volatile Connection parentConnection;

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        String parentAddress = System.getenv(Workers.PARENT);
        String name = System.getenv(Workers.NAME);
        if (parentAddress == null || name == null) {
            System.err.println("cspjob: WorkerMain runs only in a JVM started from a Workers.command (a jvm process or a rank)");
            System.exit(2);
        }
        String types = System.getenv(Workers.TYPES);
        if (types != null && !types.isBlank()) {
            for (String type : types.split(",")) {
                Network.registerTypes(Class.forName(type));
            }
        }
        int colon = parentAddress.lastIndexOf(':');
        parent = new InetSocketAddress(parentAddress.substring(0, colon), Integer.parseInt(parentAddress.substring(colon + 1)));
        Peer peer = Network.get().peer(parent);
        parentConnection = peer.connection;
        peer.connection.send(new Protocol.Ready(name));
        int status = EXIT.get();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    /** A process to run, from any JVM of the job; its result goes back on the same connection. */
    static void run(Connection from, Protocol.Run run) {
        if (!(run.body() instanceof CspProcess process)) {
            from.send(new Protocol.Result(run.run(), null, "a worker can run only a CspProcess, not a "
                    + (run.body() == null ? "null" : run.body().getClass().getName())));
            return;
        }
        Thread.startVirtualThread(() -> {
            ProcessRun processRun = new ProcessRun(process.as(ProcessKind.VIRTUAL), ProcessRun.Origin.PARALLEL, 1, 1).start();
            processRun.awaitEnd();
            Throwable failure = processRun.failure();
            try {
                from.send(new Protocol.Result(run.run(), failure == null ? processRun.result() : null,
                        failure == null ? null : describe(failure)));
            } catch (RuntimeException unsendable) {
                from.send(new Protocol.Result(run.run(), null, "its result could not be sent back: " + unsendable.getMessage()));
            }
        });
    }

    private static String describe(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString().strip();
    }

    static void exit(Protocol.Exit exit) {
        EXIT.complete(exit.status());
    }

    /** The connection to this worker's parent, or null in a JVM that is not a worker. */
    static Connection parentConnection() {
        return parentConnection;
    }

    /** Whether this JVM is a worker and {@code address} is its parent's dispatcher. */
    static boolean isParent(Object address) {
        return parent != null && parent.equals(address);
    }

    /** The parent went away: nothing is left to do here, and no JVM may be left behind. */
    static void parentLost() {
        System.err.println("cspjob: the JVM that started this worker went away; ending this JVM");
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }
}
