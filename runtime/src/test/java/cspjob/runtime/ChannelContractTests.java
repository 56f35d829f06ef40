package cspjob.runtime;

import org.junit.jupiter.api.Nested;

/** The channel contract over {unbuffered, buffered} x {virtual, thread}. */
class ChannelContractTests {

    @Nested
    class UnbufferedOnVirtualThreads extends ChannelContract {
        @Override
        <T> Channel<T> channel(String name) {
            return new Channel<>(name);
        }

        @Override
        ProcessKind kind() {
            return ProcessKind.VIRTUAL;
        }
    }

    @Nested
    class UnbufferedOnPlatformThreads extends ChannelContract {
        @Override
        <T> Channel<T> channel(String name) {
            return new Channel<>(name);
        }

        @Override
        ProcessKind kind() {
            return ProcessKind.THREAD;
        }
    }

    @Nested
    class BufferedOnVirtualThreads extends ChannelContract {
        @Override
        <T> Channel<T> channel(String name) {
            return new Channel<>(name, 8);
        }

        @Override
        ProcessKind kind() {
            return ProcessKind.VIRTUAL;
        }
    }

    @Nested
    class BufferedOnPlatformThreads extends ChannelContract {
        @Override
        <T> Channel<T> channel(String name) {
            return new Channel<>(name, 8);
        }

        @Override
        ProcessKind kind() {
            return ProcessKind.THREAD;
        }
    }
}
