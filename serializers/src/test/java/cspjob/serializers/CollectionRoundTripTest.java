package cspjob.serializers;

import static cspjob.serializers.Wires.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CollectionRoundTripTest {
    private final Serializer serializer = Serializer.create(new SerializerContext());

    @Test
    void emptyCollectionsComeBackEmpty() {
        assertEquals(List.of(), roundTrip(serializer, List.of()));
        assertEquals(Set.of(), roundTrip(serializer, Set.of()));
        assertEquals(Map.of(), roundTrip(serializer, Map.of()));
        assertArrayEquals(new Object[0], (Object[]) roundTrip(serializer, new Object[0]));
    }

    @Test
    void listsKeepOrderNullsAndMixedTypes() {
        List<Object> list = new ArrayList<>(Arrays.asList(1, "two", 3.0, null, List.of(4L, '5'), Map.of("six", 6)));
        Object back = roundTrip(serializer, list);
        assertInstanceOf(ArrayList.class, back);
        assertEquals(list, back);
    }

    @Test
    void setsAndMapsKeepIterationOrder() {
        Map<String, Integer> sorted = new TreeMap<>(Map.of("b", 2, "a", 1, "c", 3));
        @SuppressWarnings("unchecked")
        Map<String, Integer> back = (Map<String, Integer>) roundTrip(serializer, sorted);
        assertEquals(sorted, back);
        assertEquals(List.copyOf(sorted.keySet()), List.copyOf(back.keySet()));
        Set<Integer> set = new java.util.LinkedHashSet<>(List.of(5, 3, 9));
        assertEquals(List.copyOf(set), List.copyOf((Set<?>) roundTrip(serializer, set)));
    }

    @Test
    void otherCollectionsTravelAsLists() {
        assertEquals(List.of(1, 2, 3), roundTrip(serializer, new ArrayDeque<>(List.of(1, 2, 3))));
    }

    @Test
    void mapsTakeAnyKeyAndNullValues() {
        Map<Object, Object> map = new HashMap<>();
        map.put(1, null);
        map.put(List.of("k"), "v");
        map.put(null, 2.5);
        assertEquals(map, roundTrip(serializer, map));
    }

    @Test
    void deeplyNestedValuesUpToTheLimitComeBack() {
        Object nested = "core";
        for (int i = 0; i < 200; i++) nested = List.of(nested);
        assertEquals(nested, roundTrip(serializer, nested));
    }

    @Test
    void objectAndStringArraysKeepTheirArrayType() {
        Object[] objects = {1, "a", null, List.of()};
        Object back = roundTrip(serializer, objects);
        assertEquals(Object[].class, back.getClass());
        assertArrayEquals(objects, (Object[]) back);
        String[] strings = {"x", null, ""};
        Object backStrings = roundTrip(serializer, strings);
        assertEquals(String[].class, backStrings.getClass());
        assertArrayEquals(strings, (String[]) backStrings);
    }

    @Test
    void largeCollectionsSpanManyChunks() {
        Serializer small = Serializer.create(new SerializerContext().chunkSize(4096));
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) big.add(i % 3 == 0 ? "item " + i : List.of(i, (long) i * i));
        assertEquals(big, roundTrip(small, big));
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < 20_000; i++) map.put(i, "v".repeat(i % 50));
        assertEquals(map, roundTrip(small, map));
    }

    @Test
    void shortStringsWithLoneSurrogatesSurvive() {
        assertEquals("a\ud800b", roundTrip(serializer, "a\ud800b"));
    }
}
