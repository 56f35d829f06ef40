package cspjob.jobs.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cspjob.runtime.Csp;
import cspjob.runtime.ProcessKind;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ring job's network: every token makes exactly one hop per element per lap (the connection process checks each lap). */
@org.junit.jupiter.api.Timeout(value = 120, unit = TimeUnit.SECONDS)
class RingTest {

    @ParameterizedTest(name = "becomeHome {0}")
    @ValueSource(booleans = {false, true})
    void tokensGoRoundAndEveryLapIsTimed(boolean becomeHome) {
        Ring.Outcome outcome = Ring.run(100, 7, 7_000, becomeHome, ProcessKind.VIRTUAL);
        assertEquals(7_000, outcome.hops());
        assertEquals(70, outcome.lapNanos().size(), "10 laps of 7 tokens");
    }

    @Tag("multi-jvm")
    @ParameterizedTest(name = "becomeHome {0}")
    @ValueSource(booleans = {false, true})
    void aRingOfJvmsPassesTokens(boolean becomeHome) {
        Csp.registerTypes(Ring.TYPES.toArray(Class<?>[]::new));
        Ring.Outcome outcome = Ring.run(3, 2, 600, becomeHome, ProcessKind.JVM);
        assertEquals(600, outcome.hops());
    }
}
