package cspjob.launcher.node;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The node agent: one per node of a job, started by the launcher (locally, or over SSH), it starts
 * that node's rank JVMs and is the launcher's only contact with them. It uses nothing but the JDK,
 * so that it starts fast.
 *
 * <p><b>Protocol.</b> UTF-8 lines, words separated by single spaces; fields are escaped by
 * {@link AgentProtocol} (so a command-line argument may hold spaces). The launcher writes on the
 * agent's stdin:
 * <pre>
 * dir PATH              the working directory of the ranks (default: the agent's)
 * rank R ARG...         rank R runs this command line
 * env R NAME VALUE      and has this variable in its environment (secrets travel here, never in ARGs)
 * start [R...]         start these declared ranks (default: every one declared and not yet started)
 * stop                  stop every rank and end (the end of stdin means the same)
 * </pre>
 * The agent writes on its stdout:
 * <pre>
 * agent PID CORES       first line: the agent runs, on a machine with CORES cores
 * started R PID         rank R's JVM has started
 * failed R MESSAGE      rank R could not be started
 * out R TEXT            a line rank R wrote on its stdout (TEXT raw, to the end of the line)
 * err R TEXT            a line rank R wrote on its stderr
 * exited R CODE         rank R ended (after all of its output); 128+N when killed by signal N
 * stopped               last line: every rank has ended, the agent ends
 * </pre>
 * Its own problems go to its stderr. Stopping asks each rank and its child processes to end
 * (SIGTERM), waits {@link #GRACE_MILLIS} and then kills what is left: the agent never leaves a
 * rank running, also when it is itself asked to end (a shutdown hook).
 */
public final class NodeAgent {
    /** How long ranks get to end after being asked, before they are killed. */
    public static final long GRACE_MILLIS = 3_000;

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    private final Map<Integer, List<String>> commands = new TreeMap<>();
    private final Map<Integer, Map<String, String>> environments = new HashMap<>();
    private final List<AgentRank> ranks = new ArrayList<>();
    private File directory = new File(System.getProperty("user.dir"));
    private boolean stopping;

    public static void main(String[] args) throws IOException {
        NodeAgent agent = new NodeAgent();
        Runtime.getRuntime().addShutdownHook(new Thread(agent::stop, "node agent stop"));
        agent.report(AgentProtocol.line(AgentProtocol.AGENT, ProcessHandle.current().pid(), Runtime.getRuntime().availableProcessors()));
        int status = agent.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        agent.stop();
        System.exit(status);
    }

    /** Follows the launcher's lines until stop or the end of input; returns the agent's exit status. */
    private int serve(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            List<String> fields = AgentProtocol.fields(line);
            try {
                switch (fields.getFirst()) {
                    case AgentProtocol.DIR -> directory = new File(fields.get(1));
                    case AgentProtocol.RANK -> commands.put(rankOf(fields), List.copyOf(fields.subList(2, fields.size())));
                    case AgentProtocol.ENV -> environments.computeIfAbsent(rankOf(fields), r -> new HashMap<>())
                            .put(fields.get(2), fields.get(3));
                    case AgentProtocol.START -> startDeclared(fields.subList(1, fields.size()).stream().map(Integer::valueOf).toList());
                    case AgentProtocol.STOP -> {
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown word '" + fields.getFirst() + "'");
                }
            } catch (RuntimeException e) {
                System.err.println("node agent (pid " + ProcessHandle.current().pid() + "): cannot follow the launcher's line '"
                        + line + "': " + e.getMessage() + "; stopping every rank of this node");
                return 2;
            }
        }
        return 0;
    }

    private static int rankOf(List<String> fields) {
        return Integer.parseInt(fields.get(1));
    }

    /** Starts the ranks named (all declared ones when none is), each once. */
    private void startDeclared(List<Integer> named) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            for (int rank : named.isEmpty() ? List.copyOf(commands.keySet()) : named) {
                List<String> command = commands.remove(rank);
                Map<String, String> environment = environments.remove(rank);
                if (command == null || command.isEmpty()) {
                    report(AgentProtocol.line(AgentProtocol.FAILED, rank, "no command line was given for rank " + rank + " before its start"));
                    continue;
                }
                AgentRank started = AgentRank.start(rank, command, environment == null ? Map.of() : environment, directory, this::report);
                if (started != null) {
                    ranks.add(started);
                }
            }
        }
    }

    /** Ends every rank: asks, waits the grace period, kills. Safe to call twice (main and the shutdown hook). */
    private void stop() {
        List<AgentRank> toEnd;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            toEnd = List.copyOf(ranks);
        }
        toEnd.forEach(AgentRank::terminate);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        toEnd.forEach(rank -> rank.endBy(deadline));
        toEnd.forEach(rank -> rank.awaitReported(1_000));
        report(AgentProtocol.STOPPED);
    }

    /** Writes one line to the launcher; the threads of every rank share this stream. */
    private void report(String line) {
        synchronized (out) {
            out.print(line);
            out.print('\n');
            out.flush();
        }
    }
}
