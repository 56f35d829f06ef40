package cspjob.runtime.pycsp;

import cspjob.runtime.ChannelReader;
import cspjob.runtime.ChannelWriter;
import cspjob.runtime.CspProcess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The reader and writer processes that PyCSP's tests share ({@code reader}, {@code writer} in
 * test/autotest.py, commtest.py, buffertest.py, poisontest.py), written for cspjob. Every process
 * records what it has done in a list the test reads after {@code Csp.parallel} returns.
 */
final class TestProcesses {
    private TestProcesses() {
    }

    /** How a writer ends after its last write. */
    enum Then { NOTHING, RETIRE, POISON }

    /** A list that several processes may add to. */
    static <T> List<T> syncList() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /**
     * PyCSP's {@code writer(cout, id, cnt, sleeper)}: writes (id, 0) .. (id, cnt - 1), pausing
     * before each, records each completed write in {@code written}, then retires, poisons or just ends.
     */
    static CspProcess writer(ChannelWriter<Msg> out, int id, int count, Sleeper sleeper, Then then, Collection<Msg> written) {
        return () -> {
            for (int i = 0; i < count; i++) {
                sleeper.sleep();
                Msg m = new Msg(id, i);
                out.write(m);
                written.add(m);
            }
            switch (then) {
                case RETIRE -> out.retire();
                case POISON -> out.poison();
                case NOTHING -> { }
            }
        };
    }

    /** commtest.py's {@code reader(cin, id, cnt, sleeper)}: reads exactly {@code count} values. */
    static CspProcess reader(ChannelReader<Msg> in, int count, Sleeper sleeper, Collection<Msg> got) {
        return () -> {
            for (int i = 0; i < count; i++) {
                sleeper.sleep();
                got.add(in.read());
            }
        };
    }

    /**
     * autotest.py's {@code reader(cin, id, sleeper)}: reads until the channel is retired or
     * poisoned, which ends the process (and retires or poisons its end).
     */
    static CspProcess readerUntilEnd(ChannelReader<Msg> in, Sleeper sleeper, Collection<Msg> got) {
        return () -> {
            while (true) {
                sleeper.sleep();
                got.add(in.read());
            }
        };
    }
}
