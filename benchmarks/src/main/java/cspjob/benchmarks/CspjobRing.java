package cspjob.benchmarks;

import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * A ring of {@code size} cspjob processes (virtual threads) joined by unbuffered anonymous channels,
 * passing one token. One of them, the driver, takes lap orders from the caller on an
 * {@code orders} channel, sends the token round that many times and answers through a {@link Reply}
 * (so that a stalled ring fails its benchmark instead of hanging it); the others only pass the
 * token on. One lap is {@code size} hops. Used by {@link RingBenchmark} and {@link LargestRing}; its
 * peer is {@link BareRing}.
 */
final class CspjobRing implements TokenRing {
    static final Object TOKEN = "token";

    private final Channel<Integer> orders = new Channel<>("orders");
    private final ChannelWriter<Integer> orderWriter = orders.writer();
    private final Reply done = new Reply();
    private final long startedBefore = STARTED.sum();
    private final int size;
    private final Thread network;

    /** Builds the ring and starts its processes; they block until the first {@link #laps}. */
    CspjobRing(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a ring needs at least 2 processes, got " + size);
        }
        this.size = size;
        List<CspProcess> processes = new ArrayList<>(size);
        Channel<Object> first = new Channel<>();
        Channel<Object> previous = first;
        for (int i = 1; i < size; i++) {
            Channel<Object> next = new Channel<>();
            processes.add(new Element(previous.reader(), next.writer()));
            previous = next;
        }
        processes.add(new Driver(orders.reader(), done, previous.reader(), first.writer()));
        network = Thread.ofPlatform().name("cspjob ring of " + size).daemon(true).start(() -> Csp.parallel(processes));
    }

    @Override
    public void awaitStarted(long timeoutSeconds) throws InterruptedException {
        TokenRing.awaitStarted(startedBefore, size - 1, timeoutSeconds);
    }

    @Override
    public void laps(int count, long timeoutSeconds) throws InterruptedException {
        orderWriter.write(count);
        done.await("the cspjob ring", timeoutSeconds);
    }

    /** Poisons the ring (the poison spreads from process to process) and waits until every process has ended. */
    @Override
    public void close() throws InterruptedException {
        orders.poison();
        Reply.join(network);
    }

    record Element(ChannelReader<Object> in, ChannelWriter<Object> out) implements CspProcess {
        @Override
        public void run() {
            STARTED.increment();
            while (true) {
                out.write(in.read());
            }
        }
    }

    record Driver(ChannelReader<Integer> orders, Reply done, ChannelReader<Object> in, ChannelWriter<Object> out)
            implements CspProcess {
        @Override
        public void run() throws InterruptedException {
            while (true) {
                int laps = orders.read();
                for (int lap = 0; lap < laps; lap++) {
                    out.write(TOKEN);
                    in.read();
                }
                done.send(laps);
            }
        }
    }
}
