package cspjob.serializers;

import cspjob.serializers.frame.FrameFormat;
import cspjob.serializers.wire.TypeRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Every setting of a {@link Serializer} in one place: buffer size, limits, and which types may
 * travel. Fluent setters; defaults come from system properties ({@code -Dcspjob.serializers.chunkSize=1m}
 * and so on); {@link #conclude()} checks everything once and freezes the context, and
 * {@link #toString()} echoes it for run reports.
 *
 * <pre>{@code
 * SerializerContext context = new SerializerContext()
 *         .chunkSize(1 << 20)                 // 1 MiB chunks on the wire
 *         .maxMessageSize(4L << 30)           // accept messages up to 4 GiB
 *         .register(Particle.class, Cell.class)
 *         .allowPackages("org.example.knn");
 * Serializer serializer = Serializer.create(context);
 * }</pre>
 *
 * Both sides of a connection must register the same types (under the same names); limits are
 * enforced by each side on what it reads.
 */
public final class SerializerContext {
    public static final String CHUNK_SIZE_PROPERTY = "cspjob.serializers.chunkSize";
    /** 512 KiB: large enough that a chunk costs one system call per half megabyte, small enough to stay in cache. */
    public static final int CHUNK_SIZE_DEFAULT = 512 << 10;
    public static final String MAX_MESSAGE_SIZE_PROPERTY = "cspjob.serializers.maxMessageSize";
    public static final long MAX_MESSAGE_SIZE_DEFAULT = 2L << 30;
    public static final String MAX_DEPTH_PROPERTY = "cspjob.serializers.maxDepth";
    public static final int MAX_DEPTH_DEFAULT = 256;
    public static final String MAX_VALUES_PROPERTY = "cspjob.serializers.maxValues";
    public static final long MAX_VALUES_DEFAULT = 1L << 24;

    private int chunkSize = (int) Sizes.property(CHUNK_SIZE_PROPERTY, CHUNK_SIZE_DEFAULT);
    private long maxMessageSize = Sizes.property(MAX_MESSAGE_SIZE_PROPERTY, MAX_MESSAGE_SIZE_DEFAULT);
    private int maxDepth = (int) Sizes.property(MAX_DEPTH_PROPERTY, MAX_DEPTH_DEFAULT);
    private long maxValues = Sizes.property(MAX_VALUES_PROPERTY, MAX_VALUES_DEFAULT);
    private final TypeRegistry types = new TypeRegistry();
    private final List<String> registered = new ArrayList<>();
    private final List<String> allowedPackages = new ArrayList<>();
    private List<String> javaSerialization;
    private boolean concluded;

    /** Bytes per chunk on the wire and in each writer's and reader's buffer, 4 KiB to 8 MiB. */
    public SerializerContext chunkSize(int bytes) { checkOpen(); chunkSize = bytes; return this; }

    /** Largest message, framing included, that a reader accepts and a writer sends. */
    public SerializerContext maxMessageSize(long bytes) { checkOpen(); maxMessageSize = bytes; return this; }

    /** Deepest nesting of lists, maps and objects; also what stops a value that contains itself. */
    public SerializerContext maxDepth(int levels) { checkOpen(); maxDepth = levels; return this; }

    /** Most values (scalars, strings, elements, objects; an array counts as one) in one message. */
    public SerializerContext maxValues(long values) { checkOpen(); maxValues = values; return this; }

    /**
     * Makes records, enums and plain classes (with a no-argument constructor) known under their
     * class names. Fails at once when a class cannot be written field by field.
     */
    public SerializerContext register(Class<?>... types) {
        for (Class<?> type : types) register(type, type.getName());
        return this;
    }

    /** Makes {@code type} known under {@code name}, which both sides must use. */
    public SerializerContext register(Class<?> type, String name) {
        checkOpen();
        types.register(type, name);
        registered.add(name);
        return this;
    }

    /** Writes {@code type} and its subtypes through {@code codec}, under {@code name}. */
    public <T> SerializerContext codec(Class<T> type, String name, TypeCodec<? super T> codec) {
        checkOpen();
        types.codec(type, name, codec);
        registered.add(name + " (codec)");
        return this;
    }

    /**
     * Lets values of any record, enum or plain class in these packages (and their sub-packages)
     * travel without registering each one. Messages can then build any such class by name, so
     * allow only packages of your own value types.
     */
    public SerializerContext allowPackages(String... packages) {
        checkOpen();
        for (String name : packages) {
            if (name.isBlank() || name.equals(".")) throw new IllegalArgumentException("allowPackages needs package names");
            types.allowPackage(name);
            allowedPackages.add(name);
        }
        return this;
    }

    /**
     * Turns on Java serialization, for {@link java.io.Serializable} classes nothing else covers,
     * limited to classes matching these {@link java.io.ObjectInputFilter} patterns (such as
     * {@code com.example.Legacy} or {@code com.example.*}). Off by default: Java serialization of
     * untrusted input is a well-known way into a JVM, so name exactly what you need.
     */
    public SerializerContext javaSerialization(String... allowedClasses) {
        checkOpen();
        for (String pattern : allowedClasses) {
            String p = pattern.strip();
            if (p.isEmpty() || p.equals("*") || p.equals("**") || p.startsWith("!") || p.contains(";") || p.contains("=")) {
                throw new IllegalArgumentException("javaSerialization takes class or package patterns such as"
                        + " com.example.Legacy or com.example.*, not '" + pattern + "'");
            }
        }
        if (allowedClasses.length == 0) throw new IllegalArgumentException("javaSerialization needs an allow-list");
        javaSerialization = List.of(allowedClasses);
        return this;
    }

    /** Loads the classes of allowed packages named in messages; default: this library's loader. */
    public SerializerContext classLoader(ClassLoader loader) { checkOpen(); types.loader(loader); return this; }

    /** Checks every setting and freezes the context; {@link Serializer#create} calls it. */
    public SerializerContext conclude() {
        if (concluded) return this;
        if (chunkSize < FrameFormat.MIN_CHUNK || chunkSize > FrameFormat.MAX_CHUNK) {
            throw new IllegalArgumentException("chunkSize " + chunkSize + " is outside 4 KiB .. 8 MiB");
        }
        if (maxMessageSize < 64) throw new IllegalArgumentException("maxMessageSize " + maxMessageSize + " is below 64 bytes");
        if (maxDepth < 1 || maxDepth > 10_000) throw new IllegalArgumentException("maxDepth " + maxDepth + " is outside 1 .. 10000");
        if (maxValues < 1) throw new IllegalArgumentException("maxValues must be positive, not " + maxValues);
        if (javaSerialization != null) types.javaSerialization(javaSerialization, maxDepth, maxValues, maxMessageSize);
        concluded = true;
        return this;
    }

    private void checkOpen() {
        if (concluded) {
            throw new IllegalStateException("this SerializerContext is already in use by a serializer and cannot change;"
                    + " make a new one");
        }
    }

    public int chunkSize() { return chunkSize; }

    public long maxMessageSize() { return maxMessageSize; }

    public int maxDepth() { return maxDepth; }

    public long maxValues() { return maxValues; }

    TypeRegistry types() { return types; }

    @Override
    public String toString() {
        return "SerializerContext{chunkSize=" + chunkSize + ", maxMessageSize=" + maxMessageSize
                + ", maxDepth=" + maxDepth + ", maxValues=" + maxValues + ", registered=" + registered
                + ", allowedPackages=" + allowedPackages + ", javaSerialization="
                + (javaSerialization == null ? "off" : javaSerialization) + "}";
    }
}
