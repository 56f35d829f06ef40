package cspjob.serializers.wire;

import static cspjob.serializers.wire.Tag.*;

import cspjob.serializers.CorruptMessageException;
import cspjob.serializers.MessageTooLargeException;
import cspjob.serializers.bulk.ArrayKind;
import cspjob.serializers.frame.ElementCopier;
import cspjob.serializers.frame.FrameReader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Reads what a {@link ValueEncoder} wrote. Every count is checked against what the message may
 * still hold before anything is allocated for it, nesting is bounded, and only built-in or allowed
 * types are built. Lists come back as {@code ArrayList}, sets as {@code LinkedHashSet}, maps as
 * {@code LinkedHashMap} (iteration order kept). Not thread-safe.
 */
public final class ValueDecoder {
    private static final ValueLayout.OfChar CHAR_LE = ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final TypeRegistry types;
    private final FrameReader frames;
    private final int maxDepth;
    private final long maxValues;
    /** Chronicle BinaryWire's codes for text: 0xE0 + length (0 to 31 bytes), and any length. */
    private static final int CHRONICLE_STRING_0 = 0xE0;
    private static final int CHRONICLE_STRING_ANY = 0xB8;

    /** A peer cannot make this side remember more type names than this on one connection. */
    static final int MAX_NAMED = 1 << 16;

    private final List<UserType> connectionNamed = new ArrayList<>();   // for continued messages
    private final List<UserType> messageNamed = new ArrayList<>();      // for self-contained ones
    private List<UserType> named = messageNamed;
    private int namedAtStart;
    private long values;
    private boolean streamed;       // whether the bulk value whose header was read last follows its segment
    private byte[] text = new byte[64];

    public ValueDecoder(TypeRegistry types, FrameReader frames, int maxDepth, long maxValues) {
        this.types = types;
        this.frames = frames;
        this.maxDepth = maxDepth;
        this.maxValues = maxValues;
    }

    public Object readMessage() {
        if (frames.beginMessage()) {
            named = connectionNamed;
        } else {
            named = messageNamed;
            named.clear();
        }
        namedAtStart = named.size();
        values = 0;
        Object value = readValue(0);
        frames.endMessage();
        return value;
    }

    /** Forgets every type name: the next message comes from another stream. */
    public void reset() {
        connectionNamed.clear();
        messageNamed.clear();
    }

    /** Forgets the types first named in a message the writer abandoned, as the writer does. */
    public void abandonMessage() {
        while (named.size() > namedAtStart) named.removeLast();
    }

    Object readValue(int depth) {
        frames.ensure();
        if (++values > maxValues) {
            throw new MessageTooLargeException("the message holds more than " + maxValues + " values, the limit"
                    + " (SerializerContext.maxValues); raise it on both sides if such messages are meant");
        }
        Bytes<?> bytes = frames.bytes();
        byte tag = bytes.readByte();
        return switch (tag) {
            case NULL -> null;
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case INT -> frames.wire().getValueIn().int32();
            case LONG -> frames.wire().getValueIn().int64();
            case DOUBLE -> bytes.readDouble();
            case STRING -> readText();
            case BYTE -> frames.wire().getValueIn().int8();
            case SHORT -> frames.wire().getValueIn().int16();
            case CHAR -> (char) frames.wire().getValueIn().uint16();
            case FLOAT -> bytes.readFloat();
            case LONG_STRING -> readLongString();
            case LIST -> readElements(new ArrayList<>(), depth);
            case SET -> readElements(new LinkedHashSet<>(), depth);
            case MAP -> readMap(depth);
            case OBJECT_ARRAY -> readObjectArray(depth);
            case ARRAY -> readArray();
            case BUFFER -> readBuffer();
            case USER -> readUser(depth);
            case JAVA -> readJava();
            default -> throw new CorruptMessageException(String.format("unknown value tag 0x%02x", tag));
        };
    }

    /**
     * Chronicle Wire text. The two codes BinaryWire writes for strings (short, and any length) are
     * decoded by the JDK's UTF-8 decoder, which is faster than Chronicle's interning reader;
     * anything else, and text with lone surrogates (which only Chronicle's decoder keeps), goes
     * through Chronicle.
     */
    private String readText() {
        Bytes<?> bytes = frames.bytes();
        long start = bytes.readPosition();
        int code = bytes.readUnsignedByte();
        long length = (code & 0xE0) == CHRONICLE_STRING_0 ? code & 0x1F
                : code == CHRONICLE_STRING_ANY ? bytes.readStopBit() : -1;
        if (length >= 0 && length <= Math.min(frames.segmentRemaining(), 1 << 16)) {
            int n = (int) length;
            if (text.length < n) text = new byte[Math.max(n, 2 * text.length)];
            bytes.read(text, 0, n);
            String decoded = new String(text, 0, n, StandardCharsets.UTF_8);
            if (decoded.indexOf('\uFFFD') < 0) return decoded;
        }
        bytes.readPosition(start);
        String decoded = frames.wire().getValueIn().text();
        if (decoded == null) throw new CorruptMessageException("a string value holds null");
        return decoded;
    }

    private void checkDepth(int depth) {
        if (depth >= maxDepth) {
            throw new CorruptMessageException("the message nests deeper than " + maxDepth
                    + " levels (SerializerContext.maxDepth)");
        }
    }

    /**
     * A count of values that cannot exceed the bytes the message may still hold (every value takes
     * at least one) nor the values it may still have, so what is allocated for it stays bounded.
     */
    private int readSize(String what) {
        long count = readCount();
        frames.budget(count, "a " + what + " of " + count + " elements");
        if (count > maxValues - values) {
            throw new MessageTooLargeException("a " + what + " of " + count + " elements would pass the limit of "
                    + maxValues + " values (SerializerContext.maxValues); raise it on both sides if such messages are meant");
        }
        return (int) count;
    }

    private <C extends java.util.Collection<Object>> C readElements(C into, int depth) {
        checkDepth(depth);
        int size = readSize("collection");
        for (int i = 0; i < size; i++) into.add(readValue(depth + 1));
        return into;
    }

    private Map<Object, Object> readMap(int depth) {
        checkDepth(depth);
        int size = readSize("map");
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Object key = readValue(depth + 1);
            map.put(key, readValue(depth + 1));
        }
        return map;
    }

    private Object[] readObjectArray(int depth) {
        checkDepth(depth);
        byte elementType = frames.bytes().readByte();
        if (elementType != 0 && elementType != 1) throw new CorruptMessageException("unknown object array type " + elementType);
        int size = readSize("object array");
        Object[] array = elementType == 1 ? new String[size] : new Object[size];
        for (int i = 0; i < size; i++) {
            Object element = readValue(depth + 1);
            if (elementType == 1 && element != null && !(element instanceof String)) {
                throw new CorruptMessageException("a String[] holds a " + element.getClass().getName());
            }
            array[i] = element;
        }
        return array;
    }

    private Object readArray() {
        ArrayKind kind = bulkKind();
        int count = bulkCount(kind);
        Object array = kind.newArray(count);
        readBulk(kind, count, (first, chunk, offset, n) -> kind.copyIn(chunk, offset, array, (int) first, n));
        return array;
    }

    private String readLongString() {
        ArrayKind kind = bulkKind();
        if (kind != ArrayKind.CHAR) throw new CorruptMessageException("a long string must hold chars, not " + kind);
        char[] chars = new char[bulkCount(kind)];
        readBulk(kind, chars.length, (first, chunk, offset, n) -> MemorySegment.copy(chunk, CHAR_LE, offset, chars, (int) first, n));
        return new String(chars);
    }

    private ByteBuffer readBuffer() {
        byte flags = frames.bytes().readByte();
        ArrayKind kind = bulkKind();
        if (kind != ArrayKind.BYTE || (flags & ~3) != 0) throw new CorruptMessageException("malformed byte buffer header");
        int count = bulkCount(kind);
        ByteBuffer buffer = (flags & 1) != 0 ? ByteBuffer.allocateDirect(count) : ByteBuffer.allocate(count);
        MemorySegment content = MemorySegment.ofBuffer(buffer);
        readBulk(kind, count, (first, chunk, offset, n) -> MemorySegment.copy(chunk, offset, content, first, n));
        return buffer.order((flags & 2) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    private Object readJava() {
        if (types.java() == null) {
            throw new cspjob.serializers.DisallowedTypeException("the message holds a Java-serialized value, but Java"
                    + " serialization is off on this side (SerializerContext.javaSerialization turns it on)");
        }
        ArrayKind kind = bulkKind();
        if (kind != ArrayKind.BYTE) throw new CorruptMessageException("Java serialization data must be bytes");
        byte[] data = new byte[bulkCount(kind)];
        readBulk(kind, data.length, (first, chunk, offset, n) -> ArrayKind.BYTE.copyIn(chunk, offset, data, (int) first, n));
        return types.java().deserialize(data);
    }

    private ArrayKind bulkKind() {
        int header = frames.bytes().readUnsignedByte();
        ArrayKind kind = ArrayKind.ofCode(header & ~STREAMED);
        if (kind == null) throw new CorruptMessageException(String.format("unknown array kind 0x%02x", header));
        streamed = (header & STREAMED) != 0;
        return kind;
    }

    /** The element count of a bulk value, checked against the message limit before allocation. */
    private int bulkCount(ArrayKind kind) {
        long count = readCount();
        long length = count * kind.elementSize();
        if (count > Integer.MAX_VALUE - 8) throw new CorruptMessageException("an array of " + count + " elements");
        if (streamed) {
            frames.budget(length, "an array of " + count + " " + kind.name().toLowerCase() + " elements");
            if (length > Runtime.getRuntime().maxMemory()) {
                throw new MessageTooLargeException("an array of " + length + " bytes can never fit in this JVM's heap of "
                        + Runtime.getRuntime().maxMemory() + " bytes; set maxMessageSize below the heap size (-Xmx)");
            }
        } else if (length > frames.segmentRemaining()) {
            throw new CorruptMessageException("an array of " + count + " elements claims more bytes than its segment holds");
        }
        return (int) count;
    }

    private void readBulk(ArrayKind kind, int count, ElementCopier target) {
        if (streamed) frames.stream(target, kind.elementSize(), count);
        else frames.inline(target, kind.elementSize(), count);
    }

    private Object readUser(int depth) {
        checkDepth(depth);
        long reference = frames.bytes().readStopBit();
        UserType type;
        if (reference == 0) {
            String name = readText();
            if (name.length() > NAME_LIMIT) throw new CorruptMessageException("a type name of " + name.length() + " chars");
            type = types.typeNamed(name);
            if (named.size() >= MAX_NAMED) throw new CorruptMessageException("more than " + MAX_NAMED + " type names");
            named.add(type);
        } else if (reference > 0 && reference <= named.size()) {
            type = named.get((int) reference - 1);
        } else {
            throw new CorruptMessageException("type reference " + reference + " but only " + named.size()
                    + " types were named so far (is a MessageWriter's stream being read by one-off reads? Read it"
                    + " with one MessageReader)");
        }
        return type.read(this, depth);
    }

    // Bare scalars: record components and fields of primitive type.
    int readInt() { frames.ensure(); return frames.wire().getValueIn().int32(); }
    long readLong() { frames.ensure(); return frames.wire().getValueIn().int64(); }
    double readDouble() { frames.ensure(); return frames.bytes().readDouble(); }
    float readFloat() { frames.ensure(); return frames.bytes().readFloat(); }
    byte readByte() { frames.ensure(); return frames.wire().getValueIn().int8(); }
    short readShort() { frames.ensure(); return frames.wire().getValueIn().int16(); }
    char readChar() { frames.ensure(); return (char) frames.wire().getValueIn().uint16(); }

    boolean readBoolean() {
        frames.ensure();
        byte b = frames.bytes().readByte();
        if (b != TRUE && b != FALSE) throw new CorruptMessageException("a boolean holds byte " + b);
        return b == TRUE;
    }

    long readCount() {
        frames.ensure();
        long count = frames.bytes().readStopBit();
        if (count < 0) throw new CorruptMessageException("negative count " + count);
        return count;
    }
}
