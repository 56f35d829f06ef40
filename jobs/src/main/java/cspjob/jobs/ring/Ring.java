package cspjob.jobs.ring;

import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspFunction;
import cspjob.runtime.CspProcess;
import cspjob.runtime.ProcessKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The token ring of "Scaling PyCSP" (seed 000, Listings 3 and 4): {@code elements} processes in a
 * ring of channels, and a connection process that puts {@code tokens} tokens in and takes each one
 * round again and again until {@code hops} hops have been made. Each element may first make its
 * JVM the home of its input channel ({@code becomeHome}), so that no channel stays homed where it
 * was made.
 */
public final class Ring {
    /** Everything that crosses JVMs in a ring. */
    public static final List<Class<?>> TYPES = List.of(Element.class, Token.class);

    private Ring() {
    }

    /** What one run measured. */
    public record Outcome(long hops, long nanos, List<Long> lapNanos) {
        public double hopsPerSecond() {
            return hops * 1e9 / nanos;
        }
    }

    /**
     * A token: which one it is, how many hops it has made, and when the connection process last
     * sent it (that process's clock; elements only carry it on).
     */
    public record Token(int id, long hops, long sentNanos) {
    }

    /** One element of the ring: passes every token on, one hop more. */
    public record Element(ChannelReader<Token> in, ChannelWriter<Token> out, boolean becomeHome) implements CspProcess {
        @Override
        public void run() {
            if (becomeHome) {
                in.becomeHome();
            }
            while (true) {
                Token token = in.read();
                out.write(new Token(token.id(), token.hops() + 1, token.sentNanos()));
            }
        }
    }

    /** Runs the ring once; every element of kind {@code kind}, the connection process here. */
    public static Outcome run(int elements, int tokens, long hops, boolean becomeHome, ProcessKind kind) {
        List<Channel<Token>> channels = new ArrayList<>();
        for (int i = 0; i <= elements; i++) {
            channels.add(new Channel<>("ring-" + i));
        }
        List<CspProcess> processes = new ArrayList<>();
        for (int i = 0; i < elements; i++) {
            processes.add(new Element(channels.get(i).reader(), channels.get(i + 1).writer(), becomeHome).as(kind).named("element-" + i));
        }
        ChannelWriter<Token> head = channels.getFirst().writer();
        ChannelReader<Token> tail = channels.getLast().reader();
        processes.add(CspFunction.of(() -> connection(head, tail, elements, tokens, hops)).named("connection"));
        return (Outcome) Csp.parallel(processes).getLast();
    }

    /**
     * Puts the tokens in, sends each one round until the hops are made, checks that every lap took
     * exactly one hop per element, then poisons the ring.
     */
    private static Outcome connection(ChannelWriter<Token> head, ChannelReader<Token> tail, int elements, int tokens, long hops) {
        long laps = Math.max(1, hops / ((long) elements * tokens));
        List<Long> lapNanos = new ArrayList<>();
        long start = System.nanoTime();
        for (int id = 0; id < tokens; id++) {
            head.write(new Token(id, 0, System.nanoTime()));
        }
        long[] lapsDone = new long[tokens];
        int tokensInRing = tokens;
        while (tokensInRing > 0) {
            Token token = tail.read();
            long now = System.nanoTime();
            lapNanos.add(now - token.sentNanos());
            lapsDone[token.id()]++;
            if (token.hops() != lapsDone[token.id()] * elements) {
                throw new IllegalStateException("token " + token.id() + " made " + token.hops() + " hops in " + lapsDone[token.id()]
                        + " laps of a ring of " + elements + ": a hop was lost or doubled");
            }
            if (lapsDone[token.id()] < laps) {
                head.write(new Token(token.id(), token.hops(), now));
            } else {
                tokensInRing--;
            }
        }
        long nanos = System.nanoTime() - start;
        head.poison();
        return new Outcome(laps * elements * tokens, nanos, lapNanos);
    }
}
