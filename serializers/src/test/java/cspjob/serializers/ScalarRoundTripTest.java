package cspjob.serializers;

import static cspjob.serializers.Wires.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarRoundTripTest {
    private final Serializer serializer = Serializer.create(new SerializerContext());

    @Test
    void nullComesBackAsNull() {
        assertNull(roundTrip(serializer, null));
    }

    @Test
    void everyBoxedPrimitiveKeepsItsTypeAndValue() {
        List<Object> values = List.of(true, false,
                (byte) 0, Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) -1,
                (short) 0, Short.MIN_VALUE, Short.MAX_VALUE,
                'a', Character.MIN_VALUE, Character.MAX_VALUE, '\u00e9', '\ud83d',
                0, 1, -1, 127, 128, -129, Integer.MIN_VALUE, Integer.MAX_VALUE,
                0L, -1L, 1L << 40, Long.MIN_VALUE, Long.MAX_VALUE,
                0f, -0f, 1.5f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY,
                0d, -0d, 0.1, Math.PI, Double.NaN, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY);
        for (Object value : values) {
            Object back = roundTrip(serializer, value);
            assertEquals(value.getClass(), back.getClass(), "type of " + value);
            assertEquals(value, back);
        }
    }

    @Test
    void doublesKeepTheirExactBits() {
        double odd = Double.longBitsToDouble(0x7ff8_dead_beef_0001L);    // a NaN with a payload
        Object back = roundTrip(serializer, odd);
        assertEquals(Double.doubleToRawLongBits(odd), Double.doubleToRawLongBits((Double) back));
    }

    @Test
    void stringsOfEveryShapeComeBackEqual() {
        List<String> values = List.of("", "a", "hello, world", "gr\u00fc\u00dfe", "\u65e5\u672c\u8a9e",
                "emoji \ud83d\ude00 pair", "x".repeat(31), "x".repeat(32), "y".repeat(8192), "z".repeat(8193),
                "\u00e9".repeat(100_000), "nul\u0000inside", "replacement \ufffd char", "\ufffd".repeat(40));
        for (String value : values) {
            assertEquals(value, roundTrip(serializer, value), "string of length " + value.length());
        }
    }

    @Test
    void aLoneSurrogateSurvivesAsLongString() {
        String broken = "a".repeat(9000) + "\ud800";
        assertEquals(broken, roundTrip(serializer, broken));
    }
}
