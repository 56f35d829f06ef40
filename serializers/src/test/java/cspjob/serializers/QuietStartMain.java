package cspjob.serializers;

import java.util.List;

/** Loads Chronicle Wire through a round trip; run with the project flags, it must print nothing. */
public final class QuietStartMain {
    record Probe(String name, List<Integer> values, double[] data) { }

    public static void main(String[] args) {
        Serializer serializer = Serializer.create(new SerializerContext().register(Probe.class));
        Probe back = (Probe) Wires.roundTrip(serializer, new Probe("p", List.of(1, 2), new double[100_000]));
        if (!back.name().equals("p")) throw new AssertionError(back);
    }
}
