package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * JCSP's StressedAlt shape: {@value Program#WRITERS} writers on each of {@value Program#CHANNELS}
 * channels write for ever, one reader makes millions of fair selects over the channels' reader ends.
 * The network must keep going to the end, every channel must get turns, and every value must come
 * from a writer of the channel it was read from.
 *
 * <p>This caught a stall: when a matched counterpart was unparked while the channel's monitor was
 * still held, now and then the unpark was lost on JDK 25.0.3 and the whole network parked for ever
 * (all 64 writers and the reader in {@code Request.await}, each request either done but never woken
 * or waiting for one that was). Counterparts are now woken after the monitor is left
 * ({@link Channel#takeWake()}). It shows within a few million selects when the virtual-thread
 * scheduler has more carrier threads than cores, so the child JVM runs with 8 carriers.
 */
@Tag("slow")
@Tag("multi-jvm")
class StressedAltStallTest {

    /** The network, run in a child JVM so that it can have a scheduler of its own. */
    public static final class Program {
        static final int CHANNELS = 8;
        static final int WRITERS = 8;
        static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30);

        public static void main(String[] args) throws Exception {
            long selects = Long.parseLong(args[0]);
            List<Channel<Integer>> channels = new ArrayList<>();
            List<CspProcess> processes = new ArrayList<>();
            Guard[] inputs = new Guard[CHANNELS];
            for (int c = 0; c < CHANNELS; c++) {
                Channel<Integer> channel = new Channel<>("stressed-" + c);
                channels.add(channel);
                inputs[c] = channel.reader();
                for (int w = 0; w < WRITERS; w++) {
                    ChannelWriter<Integer> out = channel.writer();
                    int id = c * WRITERS + w;
                    processes.add(() -> {
                        while (true) {
                            out.write(id);
                        }
                    });
                }
            }
            AtomicLong done = new AtomicLong();
            long[] chosen = new long[CHANNELS];
            long[] strays = new long[1];
            processes.add(() -> {
                Alternation alt = new Alternation();
                for (long i = 0; i < selects; i++) {
                    Selected s = alt.fairSelect(inputs);
                    if ((Integer) s.value() / WRITERS != s.index()) {
                        strays[0]++;
                    }
                    chosen[s.index()]++;
                    done.lazySet(i + 1);
                }
                channels.forEach(Channel::poison); // the writers end with it
            });
            Thread watchdog = Thread.ofPlatform().daemon().start(() -> watch(done));
            Csp.parallel(processes);
            watchdog.interrupt();
            System.out.println("selects " + done.get() + " strays " + strays[0] + " chosen " + Arrays.toString(chosen));
        }

        /** Ends the JVM with status 3 and a thread dump when the reader makes no progress for 30 s. */
        private static void watch(AtomicLong done) {
            long last = -1;
            long since = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(1000);
                    long now = done.get();
                    if (now != last) {
                        last = now;
                        since = System.nanoTime();
                    } else if (System.nanoTime() - since > STALL_NANOS) {
                        File dump = File.createTempFile("stressed-alt-stall", ".txt");
                        dump.delete();
                        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                                .dumpThreads(dump.getPath(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
                        System.out.println("STALLED after " + now + " selects: no progress for 30 s; thread dump: " + dump);
                        Runtime.getRuntime().halt(3);
                    }
                }
            } catch (InterruptedException e) {
                // the network ended
            } catch (Exception e) {
                e.printStackTrace();
                Runtime.getRuntime().halt(4);
            }
        }
    }

    @Test
    void millionsOfFairSelectsAmongBusyWritersNeverStall() throws Exception {
        long selects = 8_000_000;
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Djdk.virtualThreadScheduler.parallelism=8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Program.class.getName());
        command.add(Long.toString(selects));
        File log = File.createTempFile("stressed-alt", ".log");
        log.deleteOnExit();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM neither finished nor reported a stall in 10 minutes; output: "
                    + Files.readString(log.toPath()));
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("selects " + selects + " strays 0 "), output);
        String chosen = output.substring(output.indexOf("chosen [") + "chosen [".length(), output.indexOf(']'));
        for (String count : chosen.split(", ")) {
            assertTrue(Long.parseLong(count) > 0, "every channel gets turns: " + output);
        }
    }
}
