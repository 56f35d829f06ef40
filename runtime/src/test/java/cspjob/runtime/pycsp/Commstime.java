package cspjob.runtime.pycsp;

import cspjob.runtime.Alternation;
import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.CspProcess;
import cspjob.runtime.Selected;
import java.util.List;

/**
 * The processes of the CommsTime network (PyCSP test/commstime.py, examples/Commstime.py,
 * examples/CommstimeWithAlt.py): Prefix feeds 0, then whatever comes back; Delta2 copies to two
 * outputs; Successor adds one; Consumer records what it reads and poisons the network.
 */
final class Commstime {
    private Commstime() {
    }

    record Prefix(ChannelReader<Integer> in, ChannelWriter<Integer> out, int first) implements CspProcess {
        @Override
        public void run() {
            int t = first;
            while (true) {
                out.write(t);
                t = in.read();
            }
        }
    }

    /** Delta2 with two writes in a fixed order (test/commstime.py). */
    record Delta2(ChannelReader<Integer> in, ChannelWriter<Integer> out1, ChannelWriter<Integer> out2) implements CspProcess {
        @Override
        public void run() {
            while (true) {
                int t = in.read();
                out1.write(t);
                out2.write(t);
            }
        }
    }

    /** Delta2 that offers both writes at once and then does the other (examples/CommstimeWithAlt.py). */
    record AltDelta2(ChannelReader<Integer> in, ChannelWriter<Integer> out1, ChannelWriter<Integer> out2) implements CspProcess {
        @Override
        public void run() {
            while (true) {
                int t = in.read();
                Selected s = Alternation.select(out1.guard(t), out2.guard(t));
                if (s.is(out1)) {
                    out2.write(t);
                } else {
                    out1.write(t);
                }
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

    /** Reads one value, then {@code n} more, recording all, then poisons its input. */
    record Consumer(ChannelReader<Integer> in, int n, List<Integer> seen) implements CspProcess {
        @Override
        public void run() {
            seen.add(in.read());
            for (int i = 0; i < n; i++) {
                seen.add(in.read());
            }
            in.poison();
        }
    }
}
