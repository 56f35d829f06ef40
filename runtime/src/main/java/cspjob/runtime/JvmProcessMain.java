package cspjob.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The main class of a JVM started for a jvm process (see {@link JvmProcesses}): connects back to its
 * parent, runs the process it is sent, reports the result, and ends when told to or when the parent
 * goes away.
 */
public final class JvmProcessMain {
    private static final CompletableFuture<Protocol.Run> RUN = new CompletableFuture<>();
    private static final CompletableFuture<Void> EXIT = new CompletableFuture<>();
    private static volatile InetSocketAddress parent;

    private JvmProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        String parentAddress = System.getenv(JvmProcesses.PARENT);
        String processId = System.getenv(JvmProcesses.PROCESS);
        if (parentAddress == null || processId == null) {
            System.err.println("cspjob: JvmProcessMain runs only in a JVM that cspjob started for a jvm process");
            System.exit(2);
        }
        String types = System.getenv(JvmProcesses.TYPES);
        if (types != null && !types.isBlank()) {
            for (String type : types.split(",")) {
                Network.registerTypes(Class.forName(type));
            }
        }
        int colon = parentAddress.lastIndexOf(':');
        parent = new InetSocketAddress(parentAddress.substring(0, colon), Integer.parseInt(parentAddress.substring(colon + 1)));
        long id = Long.parseLong(processId);
        Network network = Network.get();
        Peer peer = network.peer(parent);
        peer.connection.send(new Protocol.Ready(id));

        Protocol.Run run = RUN.get();
        if (!(run.body() instanceof CspProcess process)) {
            throw new IllegalStateException("the parent sent a " + run.body().getClass().getName() + ", not a CspProcess");
        }
        ProcessRun processRun = new ProcessRun(process.as(ProcessKind.VIRTUAL), ProcessRun.Origin.PARALLEL, 1, 1).start();
        processRun.awaitEnd();
        Throwable failure = processRun.failure();
        peer.connection.send(new Protocol.Result(id, failure == null ? processRun.result() : null,
                failure == null ? null : describe(failure)));
        EXIT.get();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String describe(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString().strip();
    }

    static void run(Protocol.Run run) {
        RUN.complete(run);
    }

    static void exit() {
        EXIT.complete(null);
    }

    /** Whether this JVM is a jvm process's and {@code address} is its parent's dispatcher. */
    static boolean isParent(Object address) {
        return parent != null && parent.equals(address);
    }

    /** The parent went away: nothing is left to do here, and no JVM may be left behind. */
    static void parentLost() {
        System.err.println("cspjob: the parent JVM of this jvm process went away; ending this JVM");
        Runtime.getRuntime().halt(1);
    }
}
