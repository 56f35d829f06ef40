package cspjob.runtime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The channel contract over {unbuffered, buffered} x {virtual, thread}, and with the ends spread
 * over separate JVMs.
 */
class ChannelContractTests {

    /** One flavour in one JVM: a buffer size (0: unbuffered) and the kind of every process. */
    abstract static class Flavour extends ChannelContract {
        private final int bufferSize;
        private final ProcessKind kind;

        Flavour(int bufferSize, ProcessKind kind) {
            this.bufferSize = bufferSize;
            this.kind = kind;
        }

        @Override
        <T> Channel<T> channel(String name) {
            return new Channel<>(name, bufferSize);
        }

        @Override
        ProcessKind kind(int position, int count) {
            return kind;
        }
    }

    /**
     * A flavour whose processes are spread over JVMs: every other process runs in a JVM of its own
     * (those at even positions, or those at odd ones), the rest on virtual threads in the test's JVM,
     * and a process that runs alone runs in a JVM of its own. The channels' home is the test's JVM,
     * so every test has ends in at least two JVMs; between them, the two parities put each process of
     * a test in another JVM at least once.
     */
    abstract static class AcrossJvms extends Flavour {
        private final int jvmParity;

        AcrossJvms(int bufferSize, int jvmParity) {
            super(bufferSize, ProcessKind.VIRTUAL);
            this.jvmParity = jvmParity;
            ContractProcesses.register(); // before this JVM's network starts
        }

        @Override
        ProcessKind kind(int position, int count) {
            return count == 1 || position % 2 == jvmParity ? ProcessKind.JVM : super.kind(position, count);
        }
    }

    @Nested
    class UnbufferedOnVirtualThreads extends Flavour {
        UnbufferedOnVirtualThreads() {
            super(0, ProcessKind.VIRTUAL);
        }
    }

    @Nested
    class UnbufferedOnPlatformThreads extends Flavour {
        UnbufferedOnPlatformThreads() {
            super(0, ProcessKind.THREAD);
        }
    }

    @Nested
    class BufferedOnVirtualThreads extends Flavour {
        BufferedOnVirtualThreads() {
            super(8, ProcessKind.VIRTUAL);
        }
    }

    @Nested
    class BufferedOnPlatformThreads extends Flavour {
        BufferedOnPlatformThreads() {
            super(8, ProcessKind.THREAD);
        }
    }

    /** Processes at even positions (0, 2, ...) in JVMs of their own. */
    @Nested
    @Tag("multi-jvm")
    class UnbufferedAcrossJvms extends AcrossJvms {
        UnbufferedAcrossJvms() {
            super(0, 0);
        }
    }

    /** Processes at odd positions (1, 3, ...) in JVMs of their own. */
    @Nested
    @Tag("multi-jvm")
    class BufferedAcrossJvms extends AcrossJvms {
        BufferedAcrossJvms() {
            super(8, 1);
        }
    }
}
