package cspjob.serializers;

import static cspjob.serializers.Wires.decode;
import static cspjob.serializers.Wires.encode;
import static cspjob.serializers.Wires.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class UserTypeRoundTripTest {
    record Point(int x, int y) { }

    record AllPrimitives(boolean z, byte b, short s, char c, int i, long l, float f, double d) { }

    record Particle(String name, Point at, double[] velocity, List<Point> trail, Colour colour, Map<String, Object> tags) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Particle p && Objects.equals(name, p.name) && Objects.equals(at, p.at)
                    && java.util.Arrays.equals(velocity, p.velocity) && Objects.equals(trail, p.trail)
                    && colour == p.colour && Objects.equals(tags, p.tags);
        }

        @Override
        public int hashCode() { return Objects.hash(name, at); }
    }

    enum Colour { RED, GREEN { @Override public String toString() { return "green"; } }, BLUE }

    static class Account {
        private String owner;
        private long cents;
        protected final List<String> history = new ArrayList<>();
        transient int cached = 42;
        static int counter;

        Account() { }

        Account(String owner, long cents) {
            this.owner = owner;
            this.cents = cents;
        }
    }

    static final class SavingsAccount extends Account {
        private double rate;

        private SavingsAccount() { }
    }

    record Wrapper(Object anything) { }

    record Empty() { }

    record Names(String[] names, java.nio.ByteBuffer blob) { }

    private final Serializer serializer = Serializer.create(new SerializerContext()
            .register(Point.class, AllPrimitives.class, Particle.class, Colour.class, Account.class,
                    SavingsAccount.class, Wrapper.class, Empty.class, Names.class));

    @Test
    void emptyRecordsAndArrayComponentsComeBack() {
        assertEquals(new Empty(), roundTrip(serializer, new Empty()));
        assertEquals(List.of(new Empty(), new Empty()), roundTrip(serializer, List.of(new Empty(), new Empty())));
        Names names = (Names) roundTrip(serializer, new Names(new String[] {"a", null}, java.nio.ByteBuffer.wrap(new byte[] {9})));
        assertArrayEquals(new String[] {"a", null}, names.names());
        assertEquals(java.nio.ByteBuffer.wrap(new byte[] {9}), names.blob());
    }

    @Test
    void recordsOfEveryComponentKindComeBackEqual() {
        assertEquals(new Point(3, -4), roundTrip(serializer, new Point(3, -4)));
        AllPrimitives extremes = new AllPrimitives(true, Byte.MIN_VALUE, Short.MAX_VALUE, '\uffff',
                Integer.MIN_VALUE, Long.MAX_VALUE, Float.NaN, -0.0);
        assertEquals(extremes, roundTrip(serializer, extremes));
    }

    @Test
    void nestedRecordsWithArraysEnumsAndNullsComeBackEqual() {
        Particle full = new Particle("p", new Point(1, 2), new double[] {0.5, -0.25},
                List.of(new Point(0, 0), new Point(1, 1), new Point(2, 4)), Colour.GREEN, Map.of("mass", 2.5));
        assertEquals(full, roundTrip(serializer, full));
        Particle empty = new Particle(null, null, null, null, null, null);
        assertEquals(empty, roundTrip(serializer, empty));
    }

    @Test
    void manyRecordsOfOneTypeNameTheTypeOnce() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 1000; i++) points.add(new Point(i, -i));
        byte[] bytes = encode(serializer, points);
        assertEquals(points, decode(serializer, bytes));
        assertTrue(bytes.length < 1000 * 8, "1000 points took " + bytes.length + " bytes");
    }

    @Test
    void enumConstantsComeBackAsTheSameConstants() {
        for (Colour c : Colour.values()) assertSame(c, roundTrip(serializer, c));
    }

    @Test
    void plainClassesComeBackFieldByFieldWithoutTransients() {
        SavingsAccount account = new SavingsAccount();
        account.history.add("opened");
        account.rate = 0.02;
        account.cached = 7;
        SavingsAccount back = (SavingsAccount) roundTrip(serializer, account);
        assertEquals(account.history, back.history);
        assertEquals(0.02, back.rate);
        assertEquals(42, back.cached);
        Account plain = (Account) roundTrip(serializer, new Account("ann", 1234));
        assertEquals("ann", plain.owner);
        assertEquals(1234, plain.cents);
    }

    @Test
    void objectComponentsHoldAnySupportedValue() {
        for (Object inside : new Object[] {null, 1, "s", new Point(1, 1), new int[] {7}, List.of(Colour.RED)}) {
            Wrapper back = (Wrapper) roundTrip(serializer, new Wrapper(inside));
            if (inside instanceof int[] ints) assertArrayEquals(ints, (int[]) back.anything());
            else assertEquals(inside, back.anything());
        }
    }

    @Test
    void anAliasIsTheNameOnTheWire() {
        Serializer aliased = Serializer.create(new SerializerContext().register(Point.class, "pt"));
        byte[] bytes = encode(aliased, new Point(1, 2));
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("pt"));
        assertEquals(new Point(1, 2), decode(aliased, bytes));
    }

    @Test
    void allowedPackagesTravelWithoutRegistration() {
        Serializer open = Serializer.create(new SerializerContext().allowPackages("cspjob.serializers"));
        Particle p = new Particle("q", new Point(5, 6), new double[0], List.of(), Colour.BLUE, Map.of());
        assertEquals(p, roundTrip(open, p));
    }

    @Test
    void unregisteredTypesAreRefusedByTheWriterWithAHint() {
        Serializer bare = Serializer.create(new SerializerContext());
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class, () -> encode(bare, new Point(1, 2)));
        assertTrue(e.getMessage().contains(Point.class.getName()) && e.getMessage().contains("register"), e.getMessage());
        assertThrows(UnsupportedTypeException.class, () -> encode(bare, List.of(1, new Object())));
        assertThrows(UnsupportedTypeException.class, () -> encode(bare, Thread.currentThread()));
    }

    @Test
    void typesRegisteredOnlyByTheWriterAreRefusedByTheReader() {
        byte[] bytes = encode(serializer, new Point(1, 2));
        Serializer bare = Serializer.create(new SerializerContext());
        DisallowedTypeException e = assertThrows(DisallowedTypeException.class, () -> decode(bare, bytes));
        assertTrue(e.getMessage().contains(Point.class.getName()), e.getMessage());
    }

    @Test
    void registrationFailsAtOnceForTypesThatCannotBeBuilt() {
        record Fine(int a) { }
        SerializerContext context = new SerializerContext();
        context.register(Fine.class);
        assertThrows(IllegalArgumentException.class, () -> context.register(Runnable.class));
        assertThrows(IllegalArgumentException.class, () -> context.register(NoDefaultConstructor.class));
        assertThrows(IllegalArgumentException.class, () -> context.register(Point.class, Fine.class.getName()));
    }

    static final class NoDefaultConstructor {
        final int value;

        NoDefaultConstructor(int value) { this.value = value; }
    }
}
