package cspjob.benchmarks;

import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Element 0 of a {@link JvmRing}, in the benchmark's own JVM: it puts tokens into the ring, counts
 * them as they come back, and takes them out again at the end of a round. Unlike the other elements
 * it can hold every token at once (a token that comes back waits in a buffer for its turn), so a
 * ring of 8 can carry 8 tokens without every element waiting to write to the next.
 */
abstract sealed class RingStation {
    /** Tokens back at element 0 since the start. */
    final AtomicLong arrivals = new AtomicLong();
    /** Tokens taken out of the ring since the start. */
    final AtomicLong removed = new AtomicLong();
    /** While true, tokens that come back are taken out instead of sent round again. */
    volatile boolean draining;

    /** Puts {@code tokens} new tokens into the ring. */
    abstract void inject(int tokens);

    /** Called for each token back at element 0: true if it goes round again. */
    final boolean arrived() {
        arrivals.incrementAndGet();
        if (draining) {
            removed.incrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * Runs {@code tokens} tokens round the ring: a settling time, then {@code millis} of counting, then
     * every token taken out again (the ring is empty when this returns).
     *
     * @return hops per second: laps counted times the ring's size, per second
     */
    final double round(int tokens, int size, long millis) throws InterruptedException {
        long removedBefore = removed.get();
        inject(tokens);
        Thread.sleep(200);
        long start = System.nanoTime();
        long before = arrivals.get();
        Thread.sleep(millis);
        long laps = arrivals.get() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        draining = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Reply.STALL_SECONDS);
        while (removed.get() - removedBefore < tokens) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(this + ": only " + (removed.get() - removedBefore) + " of " + tokens
                        + " tokens came back within " + Reply.STALL_SECONDS + " s; the ring has stalled");
            }
            Thread.sleep(1);
        }
        draining = false;
        return laps * size / seconds;
    }

    /** Element 0 of a ring of cspjob channels: a collector and an emitter with a local buffer between them. */
    static final class OverChannels extends RingStation {
        private final String name;
        private final ChannelWriter<Integer> buffer;

        /** Starts the collector (reads {@code in}) and the emitter (writes {@code out}) as spawned processes. */
        OverChannels(String name, ChannelReader<Integer> in, ChannelWriter<Integer> out, int maxTokens) {
            this.name = name;
            Channel<Integer> waiting = new Channel<>(name + "-element-0", maxTokens); // never leaves this JVM
            ChannelWriter<Integer> toEmitter = waiting.writer();
            ChannelReader<Integer> fromCollector = waiting.reader();
            this.buffer = waiting.writer();
            Csp.spawn(() -> {
                while (true) {
                    Integer token = in.read();
                    if (arrived()) {
                        toEmitter.write(token);
                    }
                }
            });
            Csp.spawn(() -> {
                while (true) {
                    out.write(fromCollector.read());
                }
            });
        }

        @Override
        void inject(int tokens) {
            for (int t = 0; t < tokens; t++) {
                buffer.write(t);
            }
        }

        @Override
        public String toString() {
            return "ring " + name;
        }
    }

    /** Element 0 of a ring of raw sockets: one platform thread forwards 4-byte tokens from {@code in} to {@code out}. */
    static final class OverSockets extends RingStation {
        private final SocketChannel out;

        OverSockets(SocketChannel in, SocketChannel out) {
            this.out = out;
            Thread.ofPlatform().daemon().name("raw ring element 0").start(() -> {
                ByteBuffer token = ByteBuffer.allocateDirect(4);
                try {
                    while (true) {
                        readToken(in, token);
                        if (arrived()) {
                            writeToken(out, token);
                        }
                    }
                } catch (IOException ended) {
                    // the benchmark closed the ring
                }
            });
        }

        @Override
        void inject(int tokens) {
            ByteBuffer token = ByteBuffer.allocateDirect(4);
            try {
                for (int t = 0; t < tokens; t++) {
                    token.clear().putInt(t).flip();
                    writeToken(out, token);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("raw ring: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "raw socket ring";
        }
    }

    /** Reads one 4-byte token into {@code token} (cleared first, flipped after). */
    static void readToken(SocketChannel in, ByteBuffer token) throws IOException {
        token.clear();
        while (token.hasRemaining()) {
            if (in.read(token) < 0) {
                throw new EOFException("the ring's previous element closed its socket");
            }
        }
        token.flip();
    }

    /** Writes the token in {@code token} (from its position); SocketChannel writes of one thread at a time keep tokens whole. */
    static void writeToken(SocketChannel out, ByteBuffer token) throws IOException {
        synchronized (out) {
            while (token.hasRemaining()) {
                out.write(token);
            }
        }
    }
}
