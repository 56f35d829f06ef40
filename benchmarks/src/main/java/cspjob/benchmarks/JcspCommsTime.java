package cspjob.benchmarks;

import org.jcsp.lang.CSProcess;
import org.jcsp.lang.Channel;
import org.jcsp.lang.One2OneChannelInt;
import org.jcsp.lang.Parallel;
import org.jcsp.lang.PoisonException;
import org.jcsp.lang.Poisonable;

/**
 * The peer of {@link CommsTimeBenchmark}: JCSP's CommsTime on JCSP 1.1-rc5, as JCSP's own demo builds
 * it (its classic {@code One2OneChannelInt}s, a sequential delta, {@code Parallel}, which runs each
 * process on a platform thread). The channels are JCSP's poisonable ones so that the network can
 * stop, as the cspjob one does: the consumer poisons its input after the last value and every
 * process passes the poison on to its other ends.
 */
final class JcspCommsTime {
    private JcspCommsTime() {
    }

    /** Runs the network until the consumer has read {@code 1 + values} values; returns the count of communications. */
    static long run(int values) {
        One2OneChannelInt a = Channel.one2oneInt(0);
        One2OneChannelInt b = Channel.one2oneInt(0);
        One2OneChannelInt c = Channel.one2oneInt(0);
        One2OneChannelInt d = Channel.one2oneInt(0);
        Parallel network = new Parallel(new CSProcess[] {
            poisonsItsEnds(() -> {
                a.out().write(0);
                while (true) {
                    a.out().write(c.in().read());
                }
            }, c.in(), a.out()),
            poisonsItsEnds(() -> {
                while (true) {
                    int value = a.in().read();
                    d.out().write(value);
                    b.out().write(value);
                }
            }, a.in(), b.out(), d.out()),
            poisonsItsEnds(() -> {
                while (true) {
                    c.out().write(b.in().read() + 1);
                }
            }, b.in(), c.out()),
            () -> {
                for (int i = 0; i <= values; i++) {
                    d.in().read();
                }
                d.in().poison(1);
            },
        });
        network.run();
        network.releaseAllThreads(); // JCSP parks its threads for reuse; end them
        return 4L * (values + 1);
    }

    /** A JCSP process that, when poisoned, poisons the ends it was given (JCSP leaves that to the process). */
    private static CSProcess poisonsItsEnds(CSProcess body, Poisonable... ends) {
        return () -> {
            try {
                body.run();
            } catch (PoisonException e) {
                for (Poisonable end : ends) {
                    end.poison(1);
                }
            }
        };
    }
}
