package cspjob.jobs.commstime;

import cspjob.runtime.Channel;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.Csp;
import cspjob.runtime.CspFunction;
import cspjob.runtime.CspProcess;
import cspjob.runtime.ProcessKind;

/**
 * JCSP's CommsTime network: prefix, delta, successor and consumer in a loop. The consumer times
 * {@code iterations} values; each value costs four channel communications.
 *
 * <pre>
 *   prefix(0) --a--> delta --b--> successor --c--> prefix
 *                       \--d--> consumer
 * </pre>
 */
public final class CommsTime {
    private CommsTime() {
    }

    /** Runs the network once and returns the nanoseconds per communication. */
    public static double nanosPerCommunication(int iterations, ProcessKind kind) {
        Channel<Integer> a = new Channel<>("a");
        Channel<Integer> b = new Channel<>("b");
        Channel<Integer> c = new Channel<>("c");
        Channel<Integer> d = new Channel<>("d");
        Object elapsed = Csp.parallel(
                new Prefix(c.reader(), a.writer()).as(kind),
                new Delta(a.reader(), b.writer(), d.writer()).as(kind),
                new Successor(b.reader(), c.writer()).as(kind),
                ((CspProcess) new Consumer(d.reader(), iterations)).as(kind)).get(3);
        return (long) elapsed / (4.0 * iterations);
    }

    record Prefix(ChannelReader<Integer> in, ChannelWriter<Integer> out) implements CspProcess {
        @Override
        public void run() {
            out.write(0);
            while (true) {
                out.write(in.read());
            }
        }
    }

    record Delta(ChannelReader<Integer> in, ChannelWriter<Integer> toSuccessor, ChannelWriter<Integer> toConsumer)
            implements CspProcess {
        @Override
        public void run() {
            while (true) {
                Integer value = in.read();
                toConsumer.write(value);
                toSuccessor.write(value);
            }
        }
    }

    record Successor(ChannelReader<Integer> in, ChannelWriter<Integer> out) implements CspProcess {
        @Override
        public void run() {
            while (true) {
                out.write(in.read() + 1);
            }
        }
    }

    /** Reads {@code iterations} values, then poisons its input to stop the network; returns the elapsed nanoseconds. */
    record Consumer(ChannelReader<Integer> in, int iterations) implements CspFunction<Long> {
        @Override
        public Long call() {
            in.read();
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                in.read();
            }
            long elapsed = System.nanoTime() - start;
            in.poison();
            return elapsed;
        }
    }
}
