package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.runtime.JvmTestProcesses.Collector;
import cspjob.runtime.JvmTestProcesses.Failing;
import cspjob.runtime.JvmTestProcesses.Halting;
import cspjob.runtime.JvmTestProcesses.Producer;
import cspjob.runtime.JvmTestProcesses.Relay;
import cspjob.runtime.JvmTestProcesses.RingElement;
import cspjob.runtime.JvmTestProcesses.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The jvm process kind, and channels whose ends are spread over several JVMs (real JVMs, real sockets). */
@Tag("multi-jvm")
@org.junit.jupiter.api.Timeout(value = 120, unit = TimeUnit.SECONDS)
class JvmProcessTest {

    @BeforeAll
    static void registerTypes() {
        JvmTestProcesses.register();
    }

    @Test
    void valuesFromSeveralJvmsArriveExactlyOnceAndWritersRetireAcrossJvms() {
        Channel<Integer> c = new Channel<>("numbers");
        List<Object> results = Csp.parallel(
                new Producer(c.writer(), 0, 500).as(ProcessKind.JVM),
                new Producer(c.writer(), 500, 500).as(ProcessKind.JVM),
                new Producer(c.writer(), 1000, 500),
                new Collector(c.reader()));
        assertEquals(new Tally(1500, 1500L * 1499 / 2), results.get(3));
    }

    @Test
    void aJvmProcessReadsHereAndReturnsItsResult() {
        Channel<Integer> c = new Channel<>("to-child", 4);
        List<Object> results = Csp.parallel(
                new Producer(c.writer(), 1, 100),
                new Collector(c.reader()).as(ProcessKind.JVM));
        assertEquals(new Tally(100, 5050), results.get(1));
    }

    @ParameterizedTest(name = "becomeHome {0}")
    @ValueSource(booleans = {false, true})
    void aTokenGoesRoundARingOfFourJvms(boolean becomeHome) {
        int size = 4;
        int laps = 50;
        List<Channel<Integer>> ring = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ring.add(new Channel<>("ring-" + i));
        }
        List<CspProcess> processes = new ArrayList<>();
        for (int i = 1; i < size; i++) {
            ChannelReader<Integer> in = ring.get(i).reader();
            ChannelWriter<Integer> out = ring.get((i + 1) % size).writer();
            processes.add((becomeHome ? new JvmTestProcesses.HomingElement(in, out) : new RingElement(in, out)).as(ProcessKind.JVM));
        }
        ChannelWriter<Integer> first = ring.get(1).writer();
        ChannelReader<Integer> last = ring.get(0).reader();
        processes.add(CspFunction.of(() -> {
            List<Integer> tokens = new ArrayList<>();
            int token = 0;
            for (int lap = 0; lap < laps; lap++) {
                first.write(token);
                token = last.read();
                tokens.add(token);
            }
            first.poison(); // the poison goes round through the other JVMs
            return tokens;
        }));
        List<Object> results = Csp.parallel(processes);
        @SuppressWarnings("unchecked")
        List<Integer> tokens = (List<Integer>) results.get(size - 1);
        for (int lap = 0; lap < laps; lap++) {
            assertEquals((lap + 1) * (size - 1), tokens.get(lap), "token after lap " + lap);
        }
        assertTrue(ring.get(0).isPoisoned() && ring.get(1).isPoisoned(), "the poison came back round");
    }

    @Test
    void poisonReachesAProcessInAnotherJvmAndComesBack() {
        Channel<Integer> a = new Channel<>("a");
        Channel<Integer> b = new Channel<>("b");
        ChannelReader<Integer> bIn = b.reader();
        List<Object> results = Csp.parallel(
                new Relay(a.reader(), b.writer()).as(ProcessKind.JVM), // waits on a, dies of poison, poisons b
                CspFunction.of(() -> {
                    try {
                        return "read " + bIn.read();
                    } catch (ChannelPoisonedException e) {
                        return e.channelName();
                    }
                }),
                () -> {
                    Thread.sleep(300);
                    a.poison();
                });
        assertEquals("b", results.get(1));
    }

    @Test
    void aFailingJvmProcessIsNamedWithItsCause() {
        ProcessFailedException e = assertThrows(ProcessFailedException.class,
                () -> Csp.parallel(new Failing("bad input in row 7").as(ProcessKind.JVM)));
        assertEquals("Failing", e.processName());
        assertTrue(e.getMessage().contains("bad input in row 7") && e.getMessage().contains("jvm"), e.getMessage());
    }

    @Test
    void aJvmThatDiesIsReportedAndItsPartnersAreNotLeftWaiting() {
        Channel<Integer> c = new Channel<>("to-dying");
        ChannelWriter<Integer> out = c.writer();
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> Csp.parallel(
                new Halting(c.reader(), 42).as(ProcessKind.JVM),
                () -> {
                    out.write(1);   // the child reads this, then halts
                    out.write(2);   // no reader is left: the dying process's ends are poisoned
                }));
        assertEquals("Halting", e.processName());
        assertTrue(e.getMessage().contains("exit code 42"), e.getMessage());
    }

    /** A value type nobody registered. */
    record Unregistered(int x) {
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aValueOfAnUnregisteredTypeFailsTheReaderInAnotherJvmWithAClearMessage() {
        Channel<Integer> c = new Channel<>("typed");
        ChannelWriter raw = c.writer();
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> Csp.parallel(
                new Collector(c.reader()).as(ProcessKind.JVM),
                () -> {
                    raw.write(new Unregistered(1)); // matched here, at the home; cannot travel to the reader
                    raw.retire();
                }));
        assertEquals("Collector", e.processName());
        assertTrue(e.getMessage().contains("Unregistered") && e.getMessage().contains("Csp.registerTypes"), e.getMessage());
    }

    @Test
    void writingAnUnregisteredValueFromAnotherJvmIsRefusedThere() {
        Channel<Integer> c = new Channel<>("typed-remote");
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> Csp.parallel(
                new JvmTestProcesses.WritesUnregistered(c.writer()).as(ProcessKind.JVM),
                new Collector(c.reader())));
        assertTrue(e.getMessage().contains("cannot send this value") && e.getMessage().contains("Csp.registerTypes"), e.getMessage());
    }

    @Test
    void anAlternationInAnotherJvmReadsFromChannelsHomedHereWithSkip() {
        Channel<Integer> a = new Channel<>("alt-a");
        Channel<Integer> b = new Channel<>("alt-b");
        List<Object> results = Csp.parallel(
                new JvmTestProcesses.PriReader(a.reader(), b.reader(), 200).as(ProcessKind.JVM),
                new JvmTestProcesses.Feeder(a.writer(), 0, 100),
                new JvmTestProcesses.Feeder(b.writer(), 0, 100));
        assertEquals(List.of(100, 100), ((List<?>) results.get(0)).subList(0, 2));
    }

    @Test
    void twoSidedChoiceAcrossThreeJvmsDeliversEveryValueExactlyOnce() {
        twoSidedChoiceAcrossThreeJvms(Integer.getInteger("cspjob.test.choiceQuota", 3_000));
    }

    /** The stress: at least a million values, each chosen on both sides, across three JVMs. */
    @Test
    @Tag("slow")
    @org.junit.jupiter.api.Timeout(value = 40, unit = TimeUnit.MINUTES)
    void twoSidedChoiceAcrossThreeJvmsForAMillionValues() {
        twoSidedChoiceAcrossThreeJvms(333_334);
    }

    private static void twoSidedChoiceAcrossThreeJvms(int quota) {
        int channels = 3;
        List<Channel<Integer>> shared = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            shared.add(new Channel<>("shared-" + c));
        }
        Channel<Integer> tally = new Channel<>("tally", 64);
        List<CspProcess> processes = new ArrayList<>();
        int choosers = 3;
        for (int p = 0; p < choosers; p++) {
            List<ChannelReader<Integer>> in = new ArrayList<>();
            List<ChannelWriter<Integer>> out = new ArrayList<>();
            for (Channel<Integer> c : shared) {
                in.add(c.reader());
                out.add(c.writer());
            }
            CspProcess chooser = new JvmTestProcesses.Chooser(in, out, tally.writer(), p * quota, quota, 17 + p);
            processes.add(p < 2 ? chooser.as(ProcessKind.JVM) : chooser); // two in JVMs of their own, one here
        }
        ChannelReader<Integer> tallyIn = tally.reader();
        int total = choosers * quota;
        processes.add(CspFunction.of(() -> {
            int[] seen = new int[total];
            for (int i = 0; i < total; i++) {
                seen[tallyIn.read()]++;
            }
            shared.forEach(Channel::poison); // every value is in: stop the choosers
            tally.poison();
            return seen;
        }));
        List<Object> results = Csp.parallel(processes);
        int[] seen = (int[]) results.get(choosers);
        for (int v = 0; v < total; v++) {
            assertEquals(1, seen[v], "times value " + v + " was read");
        }
    }

    /**
     * becomeHome under load: in every repetition each element of a ring of JVMs moves its input
     * channel's home to itself while tokens already circulate; the token values must come out intact
     * and the run must end (the PyCSP branch that introduced become_home hung in 4 of 10 such runs).
     */
    @Test
    void homesMoveWhileTokensCirculate() {
        homesMoveWhileTokensCirculate(Integer.getInteger("cspjob.test.moveRepetitions", 5));
    }

    /** The full measure: 100 repetitions (several minutes on two cores). */
    @Test
    @Tag("slow")
    @org.junit.jupiter.api.Timeout(value = 20, unit = TimeUnit.MINUTES)
    void homesMoveWhileTokensCirculateHundredTimes() {
        homesMoveWhileTokensCirculate(100);
    }

    private static void homesMoveWhileTokensCirculate(int repetitions) {
        for (int r = 0; r < repetitions; r++) {
            int size = 3;
            int tokens = 2;
            int laps = 20;
            List<Channel<Integer>> ring = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ring.add(new Channel<>("moving-" + r + "-" + i));
            }
            List<CspProcess> processes = new ArrayList<>();
            for (int i = 1; i < size; i++) {
                processes.add(new JvmTestProcesses.HomingElement(ring.get(i).reader(), ring.get((i + 1) % size).writer())
                        .as(ProcessKind.JVM));
            }
            ChannelWriter<Integer> first = ring.get(1).writer();
            ChannelReader<Integer> last = ring.get(0).reader();
            processes.add(CspFunction.of(() -> {
                long sum = 0;
                for (int t = 0; t < tokens; t++) {
                    first.write(t * 1000); // in flight before, during and after the moves
                }
                for (int n = 0; n < tokens * laps; n++) {
                    int token = last.read();
                    sum += token;
                    if (n < tokens * (laps - 1)) {
                        first.write(token);
                    }
                }
                first.poison();
                return sum;
            }));
            List<Object> results = Csp.parallel(processes);
            // Token t ends lap k as t*1000 + k*(size-1); each lap's values are summed.
            long expected = 0;
            for (int t = 0; t < tokens; t++) {
                for (int k = 1; k <= laps; k++) {
                    expected += t * 1000L + (long) k * (size - 1);
                }
            }
            assertEquals(expected, results.get(size - 1), "repetition " + r);
        }
    }

    @Test
    void whenAChannelsHomeJvmDiesItsUsersElsewhereFailFastNamingChannelAndHome() {
        Channel<Integer> c = new Channel<>("homed-in-doomed-jvm");
        ChannelWriter<Integer> out = c.writer();
        List<Object> outcome = new ArrayList<>();
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> Csp.parallel(
                new JvmTestProcesses.HomeThenHalt(c.reader()).as(ProcessKind.JVM),
                () -> {
                    out.write(1); // read there, after the home has moved there
                    try {
                        out.write(2); // the home's JVM is gone: this must fail, not hang
                    } catch (ChannelUnreachableException | ChannelPoisonedException gone) {
                        outcome.add(gone);
                    }
                }));
        assertEquals("HomeThenHalt", e.processName());
        assertEquals(1, outcome.size());
        String message = ((Exception) outcome.get(0)).getMessage();
        assertTrue(message.contains("homed-in-doomed-jvm"), message);
    }

    @Test
    void whenAChannelsHomeJvmHangsItsUsersElsewhereFailWithinTheSilenceLimit() {
        Channel<Integer> c = new Channel<>("homed-in-frozen-jvm");
        ChannelWriter<Integer> out = c.writer();
        List<Object> outcome = new ArrayList<>();
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> Csp.parallel(
                new JvmTestProcesses.HomeThenFreeze(c.reader()).as(ProcessKind.JVM),
                () -> {
                    out.write(1); // read there, after the home has moved there
                    try {
                        out.write(2); // the home's JVM is stopped, its sockets open: the heartbeat must notice
                    } catch (ChannelUnreachableException gone) {
                        outcome.add(gone);
                    }
                }));
        assertEquals("HomeThenFreeze", e.processName());
        assertEquals(1, outcome.size(), "the write failed as unreachable");
        String message = ((Exception) outcome.get(0)).getMessage();
        assertTrue(message.contains("homed-in-frozen-jvm") && message.contains("nothing came from"), message);
    }

    @Test
    void aChannelKeepsItsNameInAnotherJvmWhenItsHomeHostsAnotherOfThatName() {
        List<String> seen = new ArrayList<>();
        for (Channel<Integer> twin : List.of(new Channel<Integer>("twin"), new Channel<Integer>("twin"))) {
            List<Object> results = Csp.parallel(
                    new ContractProcesses.ReadOrNamePoison(twin.reader()).as(ProcessKind.JVM),
                    new ContractProcesses.Poison(twin.writer()));
            seen.add((String) results.get(0));
        }
        assertEquals(List.of("twin", "twin"), seen, "the name of each poisoned channel, as its reader in another JVM saw it");
    }
}
