package cspjob.serializers.wire;

import cspjob.serializers.DisallowedTypeException;
import cspjob.serializers.TypeCodec;
import cspjob.serializers.bulk.ArrayKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which types may be written and built, and how. Writing looks a value's class up once (cached);
 * reading looks a type up by the name in the message and builds only types that were registered,
 * given a codec, or lie in an allowed package. Thread-safe once filled by the serializer context.
 */
public final class TypeRegistry {
    private final Map<String, UserType> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, UserType> byClass = new ConcurrentHashMap<>();
    private final List<CodecType> codecs = new ArrayList<>();
    private final List<String> allowedPackages = new ArrayList<>();
    private ClassLoader loader = TypeRegistry.class.getClassLoader();
    private JavaSerialization java;
    private final ClassValue<Encoding> encodings = new ClassValue<>() {
        @Override
        protected Encoding computeValue(Class<?> type) {
            return encodingFor(type);
        }
    };

    /** The loader for classes of allowed packages that messages name. */
    public void loader(ClassLoader loader) {
        this.loader = loader;
    }

    /** Makes {@code type} known under {@code name}; fails at once when it cannot be described. */
    public void register(Class<?> type, String name) {
        add(UserType.describe(type, name));
    }

    public void codec(Class<?> type, String name, TypeCodec<?> codec) {
        CodecType codecType = new CodecType(name, type, codec);
        add(codecType);
        codecs.add(codecType);
    }

    private void add(UserType type) {
        UserType old = byName.putIfAbsent(type.name(), type);
        if (old != null) {
            throw new IllegalArgumentException("two types registered under the name '" + type.name() + "': "
                    + old.type().getName() + " and " + type.type().getName() + "; give one of them another name");
        }
        byClass.put(type.type(), type);
    }

    /** Lets messages name any class whose name starts with {@code prefix} ("com.example." style). */
    public void allowPackage(String prefix) {
        allowedPackages.add(prefix.endsWith(".") ? prefix : prefix + ".");
    }

    public void javaSerialization(List<String> patterns, int maxDepth, long maxValues, long maxBytes) {
        java = new JavaSerialization(patterns, maxDepth, maxValues, maxBytes);
    }

    JavaSerialization java() { return java; }

    /** How values of {@code type} are written; computed once per class. */
    Encoding encodingOf(Class<?> type) {
        return encodings.get(type);
    }

    private Encoding encodingFor(Class<?> type) {
        Encoding builtIn = BuiltIns.encodingOf(type);
        if (builtIn != null) return builtIn;
        if (type.isArray()) {
            ArrayKind kind = ArrayKind.ofArrayType(type);
            if (kind != null) return Encoding.array(kind);
        }
        if (ByteBuffer.class.isAssignableFrom(type)) return Encoding.of(Encoding.Kind.BUFFER);
        for (CodecType codec : codecs) {
            if (codec.type().isAssignableFrom(type)) return Encoding.user(codec);
        }
        Class<?> described = type.isEnum() || type.isAnonymousClass() && type.getSuperclass().isEnum()
                ? (type.isEnum() ? type : type.getSuperclass()) : type;
        UserType user = byClass.get(described);
        if (user == null && isAllowed(described.getName()) && !Collection.class.isAssignableFrom(described)
                && !Map.class.isAssignableFrom(described)) {
            user = describeAllowed(described);
        }
        if (user != null) return Encoding.user(user);
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) && !Set.class.isAssignableFrom(type)) {
            return Encoding.of(Encoding.Kind.LIST);
        }
        if (Set.class.isAssignableFrom(type)) return Encoding.of(Encoding.Kind.SET);
        if (Map.class.isAssignableFrom(type)) return Encoding.of(Encoding.Kind.MAP);
        if (java != null && java.allows(type)) return Encoding.of(Encoding.Kind.JAVA);
        return Encoding.unsupported(type.getName() + " is not a type the serializer knows: register it on both sides"
                + " (SerializerContext.register), allow its package (allowPackages), or give it a TypeCodec");
    }

    private boolean isAllowed(String className) {
        for (String prefix : allowedPackages) {
            if (className.startsWith(prefix)) return true;
        }
        return false;
    }

    private UserType describeAllowed(Class<?> type) {
        try {
            UserType described = UserType.describe(type, type.getName());
            UserType raced = byName.putIfAbsent(described.name(), described);
            return raced != null ? raced : described;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The type a message names, built only when registered or in an allowed package.
     *
     * @throws DisallowedTypeException for any other name
     */
    UserType typeNamed(String name) {
        UserType type = byName.get(name);
        if (type != null) return type;
        if (isAllowed(name)) {
            try {
                Class<?> loaded = Class.forName(name, false, loader);
                if (loaded.getName().equals(name) && !loaded.isArray()) {
                    UserType described = describeAllowed(loaded);
                    if (described != null) return described;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new DisallowedTypeException("the message names type '" + printable(name) + "' in an allowed package, but this"
                        + " JVM has no such class (" + e + "); do both sides run the same code?");
            }
        }
        throw new DisallowedTypeException("the message names type '" + printable(name) + "', which this side neither registered"
                + " nor allowed, so it was not built; register it on both sides (SerializerContext.register)");
    }

    /** A name from the input, made safe for a log line: control characters shown as '?', length capped. */
    private static String printable(String name) {
        StringBuilder safe = new StringBuilder(Math.min(name.length(), 200));
        for (int i = 0; i < name.length() && i < 200; i++) {
            char c = name.charAt(i);
            safe.append(Character.isISOControl(c) ? '?' : c);
        }
        return name.length() > 200 ? safe + "..." : safe.toString();
    }
}
