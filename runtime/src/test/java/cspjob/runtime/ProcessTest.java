package cspjob.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Parallel, Sequence, Spawn and shutdown, process kinds and failures. */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessTest {

    @Test
    void parallelReturnsResultsInTheOrderOfTheProcesses() {
        List<Object> results = Csp.parallel(
                CspFunction.of(() -> {
                    Thread.sleep(30);
                    return "slow first";
                }),
                () -> { },
                CspFunction.of(() -> 3));
        assertEquals(java.util.Arrays.asList("slow first", null, 3), results);
    }

    @Test
    void sequenceRunsOneProcessAfterAnother() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<Object> results = Csp.sequence(
                CspFunction.of(() -> {
                    events.add("a starts");
                    Thread.sleep(20);
                    events.add("a ends");
                    return 1;
                }),
                CspFunction.of(() -> {
                    events.add("b starts");
                    return 2;
                }));
        assertEquals(List.of("a starts", "a ends", "b starts"), events);
        assertEquals(List.of(1, 2), results);
    }

    @Test
    void eachKindRunsOnItsOwnKindOfThread() {
        CspFunction<Boolean> onVirtual = () -> Thread.currentThread().isVirtual();
        List<Object> results = Csp.parallel(onVirtual, onVirtual.as(ProcessKind.THREAD));
        assertEquals(List.of(true, false), results);
    }

    @Test
    void spawnedProcessesFinishBeforeShutdownReturns() {
        Channel<Integer> c = new Channel<>("spawned");
        ChannelWriter<Integer> out = c.writer();
        ChannelReader<Integer> in = c.reader();
        int[] sum = new int[1];
        Spawned reader = Csp.spawn(CspFunction.of(() -> {
            for (int i = 0; i < 100; i++) {
                sum[0] += in.read();
            }
            return sum[0];
        }));
        Csp.spawn(() -> {
            for (int i = 0; i < 100; i++) {
                out.write(i);
            }
        });
        Csp.shutdown();
        assertTrue(reader.isDone());
        assertEquals(4950, reader.join());
    }

    @Test
    void aSpawnedFailureReachesJoinWithTheProcessNamed() {
        Spawned spawned = Csp.spawn(((CspProcess) () -> {
            throw new java.io.IOException("disk full");
        }).named("writer-of-results"));
        ProcessFailedException e = assertThrows(ProcessFailedException.class, spawned::join);
        assertEquals("writer-of-results", e.processName());
        assertInstanceOf(java.io.IOException.class, e.getCause());
        Csp.shutdown(); // already reported by join: nothing more to throw
    }

    @Test
    void theFirstFailureIsThrownAndTheOthersAreSuppressed() {
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> Csp.parallel(
                ((CspProcess) () -> {
                    throw new IllegalStateException("first");
                }).named("one"),
                ((CspProcess) () -> {
                    Thread.sleep(50);
                    throw new IllegalStateException("second");
                }).named("two")));
        assertEquals("one", e.processName());
        assertTrue(e.getMessage().contains("1 of 2 in parallel"), e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0].getMessage().contains("'two'"));
    }

    @Test
    void aRecordProcessIsNamedAfterItsClass() {
        record Doubler(int x) implements CspFunction<Integer> {
            @Override
            public Integer call() {
                throw new ArithmeticException("overflow of " + x);
            }
        }
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> Csp.parallel(new Doubler(7)));
        assertEquals("Doubler", e.processName());
    }

    @Test
    void blockingSocketIoInsideAVirtualProcessJustWorks() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Channel<Integer> ticks = new Channel<>("ticks");
            ChannelWriter<Integer> tickOut = ticks.writer();
            ChannelReader<Integer> tickIn = ticks.reader();
            List<Object> results = Csp.parallel(
                    CspFunction.of(() -> {
                        try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            int b;
                            while ((b = in.read()) >= 0) {
                                out.write(b + 1);
                            }
                        }
                        return "served";
                    }),
                    CspFunction.of(() -> {
                        try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort())) {
                            int sum = 0;
                            for (int i = 0; i < 50; i++) {
                                s.getOutputStream().write(i);
                                sum += s.getInputStream().read();
                            }
                            return sum;
                        }
                    }),
                    // Channel traffic goes on while the two above block in socket calls.
                    () -> {
                        for (int i = 0; i < 1000; i++) {
                            tickOut.write(i);
                        }
                    },
                    CspFunction.of(() -> {
                        int n = 0;
                        for (int i = 0; i < 1000; i++) {
                            n += tickIn.read() >= 0 ? 1 : 0;
                        }
                        return n;
                    }));
            assertEquals(List.of("served", 1275, 1000), List.of(results.get(0), results.get(1), results.get(3)));
        }
    }

    @Test
    void poisonAndRetireEndAProcessNormally() {
        Channel<Integer> c = new Channel<>("ends");
        ChannelReader<Integer> in = c.reader();
        ChannelWriter<Integer> out = c.writer();
        // The reader dies of poison: parallel returns (no ProcessFailedException) with a null result.
        List<Object> results = Csp.parallel(CspFunction.of(in::read), () -> out.poison());
        assertEquals(java.util.Arrays.asList(null, null), results);
    }

    @Test
    void anInterruptedReadIsWithdrawnAndLosesNoValue() throws Exception {
        Channel<String> c = new Channel<>("interrupted");
        ChannelReader<String> in = c.reader();
        ChannelWriter<String> out = c.writer();
        Object[] outcome = new Object[1];
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                outcome[0] = in.read();
            } catch (ProcessInterruptedException e) {
                outcome[0] = e;
            }
        });
        while (reader.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        reader.interrupt();
        reader.join();
        ProcessInterruptedException e = assertInstanceOf(ProcessInterruptedException.class, outcome[0]);
        assertTrue(e.getMessage().contains("'interrupted'"), e.getMessage());
        // The withdrawn read took nothing: the next value goes to the next reader.
        List<Object> results = Csp.parallel(() -> out.write("kept"), CspFunction.of(in::read));
        assertEquals("kept", results.get(1));
    }
}
