package cspjob.serializers.wire;

import java.util.Map;

/** The classes written by a fixed tag, looked up before anything else. */
final class BuiltIns {
    private static final Map<Class<?>, Encoding> SCALARS = Map.ofEntries(
            Map.entry(Boolean.class, Encoding.of(Encoding.Kind.BOOLEAN)),
            Map.entry(Byte.class, Encoding.of(Encoding.Kind.BYTE)),
            Map.entry(Short.class, Encoding.of(Encoding.Kind.SHORT)),
            Map.entry(Character.class, Encoding.of(Encoding.Kind.CHAR)),
            Map.entry(Integer.class, Encoding.of(Encoding.Kind.INT)),
            Map.entry(Long.class, Encoding.of(Encoding.Kind.LONG)),
            Map.entry(Float.class, Encoding.of(Encoding.Kind.FLOAT)),
            Map.entry(Double.class, Encoding.of(Encoding.Kind.DOUBLE)),
            Map.entry(String.class, Encoding.of(Encoding.Kind.STRING)),
            Map.entry(Object[].class, Encoding.of(Encoding.Kind.OBJECT_ARRAY)),
            Map.entry(String[].class, Encoding.of(Encoding.Kind.STRING_ARRAY)));

    private BuiltIns() {
    }

    static Encoding encodingOf(Class<?> type) {
        return SCALARS.get(type);
    }
}
