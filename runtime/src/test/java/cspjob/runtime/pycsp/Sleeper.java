package cspjob.runtime.pycsp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The pauses PyCSP's tests put before every read or write to shake up the interleaving
 * ({@code None}, {@code sleep_one}, {@code sleep_random}), scaled from 10 ms down to 1 ms. They
 * change which interleavings happen, never what a test asserts.
 */
enum Sleeper {
    ZERO, ONE, RANDOM;

    void sleep() {
        long micros = switch (this) {
            case ZERO -> 0;
            case ONE -> 1000;
            case RANDOM -> ThreadLocalRandom.current().nextLong(1000);
        };
        if (micros > 0) {
            try {
                Thread.sleep(Duration.ofNanos(micros * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * PyCSP's loop over (read sleeper, write sleeper): every pair except both {@code sleep_one}
     * ("no reason to test with both sleep_one").
     */
    static Stream<Arguments> pairs() {
        Stream.Builder<Arguments> pairs = Stream.builder();
        for (Sleeper read : values()) {
            for (Sleeper write : values()) {
                if (!(read == ONE && write == ONE)) {
                    pairs.add(Arguments.of(read, write));
                }
            }
        }
        return pairs.build();
    }
}
