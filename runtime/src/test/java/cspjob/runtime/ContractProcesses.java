package cspjob.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * The processes of the {@link ChannelContract}: records of registered types, so that every flavour
 * can run any of them in a JVM of its own. A process that checks something reports it in its result
 * (a value, an {@link Outcome}, a {@link Choice}) and the test asserts it: an assertion thrown in
 * another JVM would come back only as a failed process.
 */
public final class ContractProcesses {
    /** Every type below that crosses JVMs: the processes and their results. */
    static final List<Class<?>> TYPES = List.of(Writer.class, RetiringWriter.class, ReadInOrder.class, ReadUntilRetired.class,
            SumUntilRetired.class, ReadOne.class, SignalThenRead.class, SignalThenWriteUntilPoisoned.class, PoisonOnSignal.class,
            Poison.class, Forward.class, ReadOrNamePoison.class, TryEveryOperation.class, Retire.class, TryWrite.class,
            RetireThenRead.class, Send.class, ChooseInput.class, WriteThroughGuard.class, WriteThroughGuards.class,
            ReadThroughAlternations.class, ChooseSkip.class, ChooseTimeout.class, WriteForever.class, ReadThenFail.class,
            Outcome.class, Choice.class, TimedChoice.class);

    private ContractProcesses() {
    }

    /** Registers every type that crosses JVMs in the runtime's tests, once (see {@link TestTypes}). */
    static void register() {
        TestTypes.register();
    }

    /** What an operation did: "completed", "poisoned" or "retired", and the exception's message. */
    public record Outcome(String what, String message) {
        interface Operation {
            void run() throws Exception;
        }

        /** Runs {@code operation}; any exception other than poison or retirement fails the process. */
        static Outcome of(Operation operation) throws Exception {
            try {
                operation.run();
                return new Outcome("completed", "");
            } catch (ChannelPoisonedException e) {
                return new Outcome("poisoned", e.getMessage());
            } catch (ChannelRetiredException e) {
                return new Outcome("retired", e.getMessage());
            }
        }
    }

    /**
     * What an alternation chose, seen in the JVM that ran it: the chosen guard's index, whether it is
     * the very guard object the process expected, and the value read (null for other guards).
     */
    public record Choice(int index, boolean expectedGuard, Object value) {
    }

    // ---- writing and reading ---------------------------------------------------------------------

    /** Writes {@code count} numbers from {@code first}. */
    public record Writer(ChannelWriter<Integer> out, int first, int count) implements CspProcess {
        @Override
        public void run() {
            for (int i = first; i < first + count; i++) {
                out.write(i);
            }
        }
    }

    /** Writes {@code count} numbers from {@code first}, then retires its end. */
    public record RetiringWriter(ChannelWriter<Integer> out, int first, int count) implements CspProcess {
        @Override
        public void run() {
            new Writer(out, first, count).run();
            out.retire();
        }
    }

    /** Reads 0, 1, ... {@code count - 1}: "in order", or what came out of order. */
    public record ReadInOrder(ChannelReader<Integer> in, int count) implements CspFunction<String> {
        @Override
        public String call() {
            for (int i = 0; i < count; i++) {
                int v = in.read();
                if (v != i) {
                    return "expected " + i + " but read " + v;
                }
            }
            return "in order";
        }
    }

    /** Reads until every writer has retired; returns the values read. */
    public record ReadUntilRetired(ChannelReader<Integer> in) implements CspFunction<int[]> {
        @Override
        public int[] call() {
            int[] values = new int[1024];
            int n = 0;
            try {
                while (true) {
                    int v = in.read();
                    if (n == values.length) {
                        values = Arrays.copyOf(values, 2 * n);
                    }
                    values[n++] = v;
                }
            } catch (ChannelRetiredException e) {
                return Arrays.copyOf(values, n);
            }
        }
    }

    /** Reads until every writer has retired; returns the sum of the values read. */
    public record SumUntilRetired(ChannelReader<Integer> in) implements CspFunction<Integer> {
        @Override
        public Integer call() {
            int sum = 0;
            try {
                while (true) {
                    sum += in.read();
                }
            } catch (ChannelRetiredException e) {
                return sum;
            }
        }
    }

    /** Reads one value. */
    public record ReadOne<T>(ChannelReader<T> in) implements CspFunction<T> {
        @Override
        public T call() {
            return in.read();
        }
    }

    /** Writes one value. */
    public record Send<T>(ChannelWriter<T> out, T value) implements CspProcess {
        @Override
        public void run() {
            out.write(value);
        }
    }

    /** Writes {@code value} until its channel is poisoned. */
    public record WriteForever(ChannelWriter<Integer> out, int value) implements CspProcess {
        @Override
        public void run() {
            while (true) {
                out.write(value);
            }
        }
    }

    // ---- poison ----------------------------------------------------------------------------------

    /** Says it is about to read, then reads once: the value, or the poison's message. */
    public record SignalThenRead(ChannelWriter<Boolean> waiting, ChannelReader<Integer> in) implements CspFunction<String> {
        @Override
        public String call() {
            waiting.write(true);
            try {
                return "read " + in.read();
            } catch (ChannelPoisonedException e) {
                return e.getMessage();
            }
        }
    }

    /** Says it is about to write, then writes until poisoned; returns how many writes completed. */
    public record SignalThenWriteUntilPoisoned(ChannelWriter<Boolean> writing, ChannelWriter<Integer> out)
            implements CspFunction<Integer> {
        @Override
        public Integer call() {
            writing.write(true);
            int written = 0;
            try {
                while (true) {
                    out.write(written);
                    written++;
                }
            } catch (ChannelPoisonedException e) {
                return written;
            }
        }
    }

    /**
     * Waits for the signal, gives the signalling process {@code settleMillis} to block (in another JVM
     * its operation takes a round trip to the channel's home), then poisons {@code end}.
     */
    public record PoisonOnSignal(ChannelReader<Boolean> signal, ChannelEnd<?> end, long settleMillis) implements CspProcess {
        @Override
        public void run() throws InterruptedException {
            signal.read();
            Thread.sleep(settleMillis);
            end.poison();
        }
    }

    /** Poisons {@code end}'s channel. */
    public record Poison(ChannelEnd<?> end) implements CspProcess {
        @Override
        public void run() {
            end.poison();
        }
    }

    /** Copies {@code in} to {@code out} until it dies of poison. */
    public record Forward(ChannelReader<Integer> in, ChannelWriter<Integer> out) implements CspProcess {
        @Override
        public void run() {
            while (true) {
                out.write(in.read());
            }
        }
    }

    /** Reads once: "read", or the name of the poisoned channel. */
    public record ReadOrNamePoison(ChannelReader<Integer> in) implements CspFunction<String> {
        @Override
        public String call() {
            try {
                in.read();
                return "read";
            } catch (ChannelPoisonedException e) {
                return e.channelName();
            }
        }
    }

    /** Tries a read, a write, and an alternation over each end (with Skip); returns the four outcomes. */
    public record TryEveryOperation(ChannelReader<String> in, ChannelWriter<String> out) implements CspFunction<List<Outcome>> {
        @Override
        public List<Outcome> call() throws Exception {
            return List.of(
                    Outcome.of(in::read),
                    Outcome.of(() -> out.write("x")),
                    Outcome.of(() -> Alternation.priSelect(in, Skip.SKIP)),
                    Outcome.of(() -> Alternation.priSelect(out.guard("x"), Skip.SKIP)));
        }
    }

    /** Reads once and fails with {@code message}. */
    public record ReadThenFail(ChannelReader<Integer> in, String message) implements CspProcess {
        @Override
        public void run() {
            in.read();
            throw new IllegalStateException(message);
        }
    }

    // ---- retirement ------------------------------------------------------------------------------

    /** Retires {@code end}. */
    public record Retire(ChannelEnd<?> end) implements CspProcess {
        @Override
        public void run() {
            end.retire();
        }
    }

    /** Tries to write {@code value}. */
    public record TryWrite(ChannelWriter<Integer> out, int value) implements CspFunction<Outcome> {
        @Override
        public Outcome call() throws Exception {
            return Outcome.of(() -> out.write(value));
        }
    }

    /** Retires its reader end, then tries to read with it. */
    public record RetireThenRead(ChannelReader<Integer> in) implements CspFunction<Outcome> {
        @Override
        public Outcome call() throws Exception {
            in.retire();
            return Outcome.of(in::read);
        }
    }

    // ---- alternation -----------------------------------------------------------------------------

    /** priSelect over {@code quiet} and {@code ready}; expects {@code ready}. */
    public record ChooseInput(ChannelReader<String> quiet, ChannelReader<String> ready) implements CspFunction<Choice> {
        @Override
        public Choice call() {
            Selected s = Alternation.priSelect(quiet, ready);
            return new Choice(s.index(), s.guard() == ready, s.read());
        }
    }

    /** priSelect over one output guard writing {@code value}; expects it. */
    public record WriteThroughGuard(ChannelWriter<String> out, String value) implements CspFunction<Choice> {
        @Override
        public Choice call() {
            Selected s = Alternation.priSelect(out.guard(value));
            return new Choice(s.index(), s.is(out), s.read());
        }
    }

    /** Writes 0 .. {@code count - 1}, each through an alternation over one output guard. */
    public record WriteThroughGuards(ChannelWriter<Integer> out, int count) implements CspProcess {
        @Override
        public void run() {
            for (int i = 0; i < count; i++) {
                Alternation.priSelect(out.guard(i));
            }
        }
    }

    /** Reads {@code count} values, each through an alternation over one input guard; returns their sum. */
    public record ReadThroughAlternations(ChannelReader<Integer> in, int count) implements CspFunction<Long> {
        @Override
        public Long call() {
            long sum = 0;
            for (int i = 0; i < count; i++) {
                int v = Alternation.priSelect(in).value();
                sum += v;
            }
            return sum;
        }
    }

    /** priSelect over {@code in} and Skip; expects Skip. */
    public record ChooseSkip(ChannelReader<Integer> in) implements CspFunction<Choice> {
        @Override
        public Choice call() {
            Selected s = Alternation.priSelect(in, Skip.SKIP);
            return new Choice(s.index(), s.guard() == Skip.SKIP, s.read());
        }
    }

    /** Whether a Timeout fired, and how long the alternation waited. */
    public record TimedChoice(boolean timeoutFired, long waitedNanos) {
    }

    /** priSelect over {@code in} and a Timeout of {@code millis}; measures the wait. */
    public record ChooseTimeout(ChannelReader<Integer> in, long millis) implements CspFunction<TimedChoice> {
        @Override
        public TimedChoice call() {
            long start = System.nanoTime();
            Selected s = Alternation.priSelect(in, Timeout.millis(millis));
            long waited = System.nanoTime() - start;
            return new TimedChoice(s.guard() instanceof Timeout, waited);
        }
    }
}
