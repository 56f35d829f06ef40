package cspjob.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WalltimeTest {

    @Test
    void hoursMinutesSecondsAreWrittenForEachScheduler() {
        Walltime half = Walltime.parse("0:30:00");
        assertEquals(1800, half.seconds());
        assertEquals("0:30:00", half.pbs());
        assertEquals("00:30:00", half.slurm());
    }

    @Test
    void moreThanADayIsHoursForPbsAndDaysForSlurm() {
        Walltime twoDays = Walltime.parse("49:00:05");
        assertEquals("49:00:05", twoDays.pbs());
        assertEquals("2-01:00:05", twoDays.slurm());
        assertEquals(twoDays, Walltime.parse("2-1:00:05"));
    }

    @Test
    void aBareNumberIsRefusedBecauseSchedulersReadItDifferently() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Walltime.parse("30"));
        assertTrue(e.getMessage().contains("'30'") && e.getMessage().contains("0:30:00"), e.getMessage());
    }

    @Test
    void minutesOrSecondsOver59AndZeroAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Walltime.parse("1:60:00"))
                .getMessage().contains("over 59"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Walltime.parse("1-24:00:00"))
                .getMessage().contains("hours over 23"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Walltime.parse("0:00:00"))
                .getMessage().contains("zero"));
        assertThrows(IllegalArgumentException.class, () -> Walltime.parse("soon"));
    }
}
