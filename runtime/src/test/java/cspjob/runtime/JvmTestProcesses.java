package cspjob.runtime;

/** Processes that the multi-JVM tests send to other JVMs: records of registered types. */
public final class JvmTestProcesses {
    /** Every type below that crosses JVMs. */
    static final java.util.List<Class<?>> TYPES = java.util.List.of(Producer.class, Tally.class, Collector.class,
            RingElement.class, Failing.class, Halting.class, Relay.class, Sleeper.class, WritesUnregistered.class, Chooser.class,
            PriReader.class, HomingElement.class, Feeder.class, HomeThenHalt.class, HomeThenFreeze.class);

    private JvmTestProcesses() {
    }

    /** Registers every type that crosses JVMs in the runtime's tests, once (see {@link TestTypes}). */
    static void register() {
        TestTypes.register();
    }

    /** Writes {@code count} numbers from {@code first}, then retires its end. */
    public record Producer(ChannelWriter<Integer> out, int first, int count) implements CspProcess {
        @Override
        public void run() {
            for (int i = first; i < first + count; i++) {
                out.write(i);
            }
            out.retire();
        }
    }

    /** How many values, and their sum. */
    public record Tally(long count, long sum) {
    }

    /** Reads until every writer has retired. */
    public record Collector(ChannelReader<Integer> in) implements CspFunction<Tally> {
        @Override
        public Tally call() {
            long count = 0;
            long sum = 0;
            try {
                while (true) {
                    sum += in.read();
                    count++;
                }
            } catch (ChannelRetiredException allWritersRetired) {
                return new Tally(count, sum);
            }
        }
    }

    /** Passes each token on, plus one, until poisoned. */
    public record RingElement(ChannelReader<Integer> in, ChannelWriter<Integer> out) implements CspProcess {
        @Override
        public void run() {
            while (true) {
                out.write(in.read() + 1);
            }
        }
    }

    /** A ring element that first makes its JVM the home of its input channel, then passes tokens on plus one. */
    public record HomingElement(ChannelReader<Integer> in, ChannelWriter<Integer> out) implements CspProcess {
        @Override
        public void run() {
            in.becomeHome();
            if (in.channel().isRemote()) {
                throw new IllegalStateException("after becomeHome the home of " + in.channel() + " is still elsewhere");
            }
            while (true) {
                out.write(in.read() + 1);
            }
        }
    }

    /** Becomes the home of its input, reads one value, then ends its JVM abruptly (as kill -9 would). */
    public record HomeThenHalt(ChannelReader<Integer> in) implements CspProcess {
        @Override
        public void run() {
            in.becomeHome();
            in.read();
            Runtime.getRuntime().halt(9);
        }
    }

    /**
     * Becomes the home of its input, reads one value, then stops its own JVM with SIGSTOP: the JVM
     * and its sockets stay, but nothing more comes from it, as with a hung host or a cut link.
     */
    public record HomeThenFreeze(ChannelReader<Integer> in) implements CspProcess {
        @Override
        public void run() throws Exception {
            in.becomeHome();
            in.read();
            new ProcessBuilder("kill", "-STOP", Long.toString(ProcessHandle.current().pid())).start().waitFor();
        }
    }

    /** Reads one value from {@code in} and writes it to {@code out}; dies of poison on either. */
    public record Relay(ChannelReader<Integer> in, ChannelWriter<Integer> out) implements CspProcess {
        @Override
        public void run() {
            out.write(in.read());
        }
    }

    /** Fails with the given message. */
    public record Failing(String message) implements CspProcess {
        @Override
        public void run() {
            throw new IllegalStateException(message);
        }
    }

    /** Reads one value, then ends its JVM abruptly with {@code status}. */
    public record Halting(ChannelReader<Integer> in, int status) implements CspProcess {
        @Override
        public void run() {
            in.read();
            Runtime.getRuntime().halt(status);
        }
    }

    /** Tries to write a value of a type nobody registered, then retires. */
    public record WritesUnregistered(ChannelWriter<Integer> out) implements CspProcess {
        record Secret(int x) {
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void run() {
            ChannelWriter raw = out;
            try {
                raw.write(new Secret(1));
            } finally {
                out.retire();
            }
        }
    }

    /**
     * Chooses at random, over and over, among writes of its own numbers (each offered on two channels
     * at once) and reads on every shared channel (in a random order), forwarding what it reads to
     * {@code tally}; ends by poison.
     */
    public record Chooser(java.util.List<ChannelReader<Integer>> in, java.util.List<ChannelWriter<Integer>> out,
                          ChannelWriter<Integer> tally, int first, int quota, long seed) implements CspProcess {
        @Override
        public void run() {
            java.util.Random random = new java.util.Random(seed);
            Alternation fair = new Alternation();
            int next = first;
            int channels = in.size();
            while (true) {
                java.util.List<Guard> guards = new java.util.ArrayList<>();
                if (next < first + quota) {
                    int a = random.nextInt(channels);
                    guards.add(out.get(a).guard(next));
                    guards.add(out.get((a + 1) % channels).guard(next));
                }
                guards.addAll(in); // every chooser reads every channel, so any write can always meet a read
                java.util.Collections.rotate(guards.subList(guards.size() - channels, guards.size()), random.nextInt(channels));
                Guard[] g = guards.toArray(Guard[]::new);
                Selected s = random.nextBoolean() ? Alternation.priSelect(g) : fair.fairSelect(g);
                if (s.guard() instanceof OutputGuard<?>) {
                    next++;
                } else if (s.guard() instanceof ChannelReader<?>) {
                    tally.write(s.value());
                }
            }
        }
    }

    /** Writes {@code count} numbers from {@code first} and stops (no retirement). */
    public record Feeder(ChannelWriter<Integer> out, int first, int count) implements CspProcess {
        @Override
        public void run() {
            for (int i = first; i < first + count; i++) {
                out.write(i);
            }
        }
    }

    /** Reads {@code count} values through priSelect over two inputs and a Skip, counting what each gave. */
    public record PriReader(ChannelReader<Integer> a, ChannelReader<Integer> b, int count) implements CspFunction<java.util.List<Integer>> {
        @Override
        public java.util.List<Integer> call() throws InterruptedException {
            int fromA = 0;
            int fromB = 0;
            int skips = 0;
            while (fromA + fromB < count) {
                Selected s = Alternation.priSelect(a, b, Skip.SKIP);
                if (s.is(a)) {
                    fromA++;
                } else if (s.is(b)) {
                    fromB++;
                } else {
                    skips++;
                    Thread.sleep(1);
                }
            }
            return java.util.List.of(fromA, fromB, skips > 0 ? 1 : 0);
        }
    }

    /** Sleeps far longer than any test. */
    public record Sleeper() implements CspProcess {
        @Override
        public void run() throws InterruptedException {
            Thread.sleep(600_000);
        }
    }
}
