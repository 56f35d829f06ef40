package cspjob.runtime;

import org.junit.jupiter.api.Nested;

/** The channel contract over {unbuffered, buffered} x {virtual, thread}. */
class ChannelContractTests {

    /** One flavour: a buffer size (0: unbuffered) and a process kind. */
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
}
