package cspjob.serializers;

import static cspjob.serializers.Wires.decode;
import static cspjob.serializers.Wires.encode;
import static cspjob.serializers.Wires.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Serializable;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Java serialization is an explicit opt-in with an allow-list, checked on both sides. */
class JavaSerializationTest {
    static final class Legacy implements Serializable {
        final String name;
        final int count;

        Legacy(String name, int count) {
            this.name = name;
            this.count = count;
        }

        @Override
        public boolean equals(Object o) { return o instanceof Legacy l && l.name.equals(name) && l.count == count; }

        @Override
        public int hashCode() { return count; }
    }

    @Test
    void offByDefault() {
        assertThrows(UnsupportedTypeException.class,
                () -> encode(Serializer.create(new SerializerContext()), new Legacy("a", 1)));
    }

    @Test
    void allowListedClassesRoundTrip() {
        Serializer legacy = Serializer.create(new SerializerContext().javaSerialization(Legacy.class.getName()));
        assertEquals(new Legacy("a", 1), roundTrip(legacy, new Legacy("a", 1)));
    }

    @Test
    void classesOffTheListAreRefusedOnBothSides() {
        Serializer narrow = Serializer.create(new SerializerContext().javaSerialization(Legacy.class.getName()));
        assertThrows(UnsupportedTypeException.class, () -> encode(narrow, new BigDecimal("1.5")));
        Serializer wide = Serializer.create(new SerializerContext().javaSerialization("java.math.*"));
        byte[] bytes = encode(wide, new BigDecimal("1.5"));
        assertThrows(DisallowedTypeException.class, () -> decode(narrow, bytes));
        assertThrows(DisallowedTypeException.class, () -> decode(Serializer.create(new SerializerContext()), bytes));
    }

    @Test
    void allowListsThatAllowEverythingAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SerializerContext().javaSerialization("*"));
        assertThrows(IllegalArgumentException.class, () -> new SerializerContext().javaSerialization());
        assertThrows(IllegalArgumentException.class, () -> new SerializerContext().javaSerialization("a;maxdepth=9"));
    }
}
