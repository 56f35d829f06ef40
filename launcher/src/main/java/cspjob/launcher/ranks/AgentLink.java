package cspjob.launcher.ranks;

import cspjob.launcher.node.AgentProtocol;
import cspjob.launcher.node.NodeProcess;
import cspjob.launcher.placement.Rank;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The launcher's side of one node agent: tells it which ranks to start, and turns its lines into
 * events of the job's {@link RankSet}. Two platform threads read the agent's stdout and stderr.
 *
 * <p>Paced starts: a JVM needs 1 to 1.5 s of CPU to start the runtime, so starting every rank of a
 * node at once on fewer cores makes each take many times longer (and can miss the runtime's
 * handshake timeout). When paced, no more ranks start at once than {@value #STARTS_PER_CORE} per
 * core of the node (as its agent reports; system property {@value #STARTS_PER_CORE_PROPERTY});
 * the next starts when one has been reported ready with {@link #ready(Rank)}. Two per core was as
 * fast as no pacing at all for 8 ranks on 2 cores (about 14 s each on the loaded machine of this
 * project), one per core was slower (20 to 26 s).
 */
final class AgentLink {
    static final int STARTS_PER_CORE = 2;
    static final String STARTS_PER_CORE_PROPERTY = "cspjob.launcher.startsPerCore";

    private final NodeProcess agent;
    private final Map<Integer, Rank> ranks = new TreeMap<>();
    private final RankSet job;
    private final boolean paced;
    // Guarded by this: the ranks not yet started, how many started but not ready, how many may be; and the agent's stdin.
    private final java.util.ArrayDeque<Integer> waiting = new java.util.ArrayDeque<>();
    private int starting;
    private int maxStarting;
    private Writer in;

    AgentLink(NodeProcess agent, List<Rank> ranks, RankSet job, boolean paced) {
        this.agent = agent;
        this.job = job;
        this.paced = paced;
        ranks.forEach(rank -> this.ranks.put(rank.rank(), rank));
        waiting.addAll(this.ranks.keySet());
    }

    String host() {
        return agent.host();
    }

    /**
     * Sends the agent the ranks with their commands, then starts reading it; the ranks start when
     * the agent has said hello (how many cores it has).
     */
    synchronized void start(Map<Integer, RankCommand> commands, String directory, PrintStream err) throws IOException {
        in = new OutputStreamWriter(agent.stdin(), StandardCharsets.UTF_8);
        in.write(AgentProtocol.line(AgentProtocol.DIR, directory) + "\n");
        for (Rank rank : ranks.values()) {
            RankCommand command = commands.get(rank.rank());
            in.write(AgentProtocol.line(AgentProtocol.RANK, concat(rank.rank(), command.command())) + "\n");
            for (Map.Entry<String, String> variable : new TreeMap<>(command.environment()).entrySet()) {
                in.write(AgentProtocol.line(AgentProtocol.ENV, rank.rank(), variable.getKey(), variable.getValue()) + "\n");
            }
        }
        in.flush();
        Thread.ofPlatform().daemon().name("agent " + host() + " stdout").start(this::readEvents);
        Thread.ofPlatform().daemon().name("agent " + host() + " stderr").start(() -> forwardAgentErrors(err));
    }

    /** A rank of this node is ready: the next may start. */
    synchronized void ready(Rank rank) {
        starting--;
        startMore();
    }

    /** Sends {@code start R...} for as many waiting ranks as may start now. */
    private synchronized void startMore() {
        List<Integer> next = new java.util.ArrayList<>();
        while (!waiting.isEmpty() && starting < maxStarting) {
            next.add(waiting.poll());
            starting++;
        }
        if (next.isEmpty()) {
            return;
        }
        try {
            in.write(AgentProtocol.line(AgentProtocol.START, next.toArray()) + "\n");
            in.flush();
        } catch (IOException e) {
            job.agentEnded(host(), "it could not be told to start ranks " + next + " (" + e.getMessage() + ")");
        }
    }

    private synchronized void agentSaidHello(int cores) {
        maxStarting = paced ? Math.max(1, cores * Integer.getInteger(STARTS_PER_CORE_PROPERTY, STARTS_PER_CORE)) : Integer.MAX_VALUE;
        startMore();
    }

    /** Tells the agent to stop its ranks (by closing its stdin) and waits for it to end, or cuts it off. */
    void stop() {
        agent.close();
    }

    private static Object[] concat(int rank, List<String> command) {
        Object[] fields = new Object[command.size() + 1];
        fields[0] = rank;
        for (int i = 0; i < command.size(); i++) {
            fields[i + 1] = command.get(i);
        }
        return fields;
    }

    private void readEvents() {
        boolean stopped = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(agent.stdout(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                stopped |= line.equals(AgentProtocol.STOPPED);
                handle(line);
            }
        } catch (IOException | RuntimeException e) {
            job.agentEnded(host(), "its output could not be read (" + e.getMessage() + ")");
            return;
        }
        if (!stopped) {
            int code;
            try {
                code = agent.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                code = NodeProcess.CONNECTION_LOST;
            }
            job.agentEnded(host(), code == NodeProcess.CONNECTION_LOST ? "the connection to it was lost" : "it ended with exit code " + code);
        }
    }

    private void handle(String line) {
        String word = line.substring(0, Math.max(0, line.indexOf(' ')));
        switch (word) {
            case AgentProtocol.OUT, AgentProtocol.ERR -> {
                List<String> fields = AgentProtocol.fieldsThenText(line, 2);
                job.output(rank(fields.get(1)), fields.get(2), word.equals(AgentProtocol.ERR));
            }
            case AgentProtocol.STARTED -> job.started(rank(AgentProtocol.fields(line).get(1)));
            case AgentProtocol.EXITED -> {
                List<String> fields = AgentProtocol.fields(line);
                job.exited(rank(fields.get(1)), Integer.parseInt(fields.get(2)));
            }
            case AgentProtocol.FAILED -> {
                List<String> fields = AgentProtocol.fields(line);
                job.failedToStart(rank(fields.get(1)), fields.get(2));
            }
            case AgentProtocol.AGENT -> {
                List<String> fields = AgentProtocol.fields(line);
                agentSaidHello(fields.size() > 2 ? Integer.parseInt(fields.get(2)) : 1);
            }
            default -> {
                // "stopped" and anything a newer agent says: nothing to do
            }
        }
    }

    private Rank rank(String number) {
        Rank rank = ranks.get(Integer.parseInt(number));
        if (rank == null) {
            throw new IllegalStateException("the agent on " + host() + " reported rank " + number + ", which it was not given");
        }
        return rank;
    }

    private void forwardAgentErrors(PrintStream err) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(agent.stderr(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                err.println("[agent " + host() + "] " + line);
            }
        } catch (IOException streamClosed) {
            // the agent has gone; readEvents reports it
        }
    }
}
