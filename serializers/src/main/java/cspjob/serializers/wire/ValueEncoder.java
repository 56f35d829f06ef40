package cspjob.serializers.wire;

import static cspjob.serializers.wire.Tag.*;

import cspjob.serializers.SerializationException;
import cspjob.serializers.UnsupportedTypeException;
import cspjob.serializers.bulk.ArrayKind;
import cspjob.serializers.frame.ElementCopier;
import cspjob.serializers.frame.FrameWriter;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.ValueOut;

/**
 * Writes one value per message as tagged Chronicle Wire binary values (see {@link Tag}), with
 * arrays, buffers and long strings on the bulk path. Types are checked before their tag is
 * written, so a failing value leaves only complete values behind it. A type's name travels the
 * first time it is used (in the message, or on the connection) and a number after that. Not
 * thread-safe.
 */
public final class ValueEncoder {
    private final TypeRegistry types;
    private final FrameWriter frames;
    private final int maxDepth;
    private final boolean continued;
    private final List<UserType> named = new ArrayList<>();           // types named so far, in order
    private final Map<UserType, Integer> numbers = new IdentityHashMap<>();
    private int namedAtStart;
    private UserType lastType;      // the type written last and its number: most messages repeat it
    private int lastNumber;

    /**
     * @param continued whether type names are numbered across messages (a connection's writer,
     *                  read by one reader in order) rather than afresh in each message
     */
    public ValueEncoder(TypeRegistry types, FrameWriter frames, int maxDepth, boolean continued) {
        this.types = types;
        this.frames = frames;
        this.maxDepth = maxDepth;
        this.continued = continued;
    }

    public void writeMessage(Object value) {
        frames.beginMessage(continued);
        if (!continued) forget(0);
        namedAtStart = named.size();
        writeValue(value, 0);
    }

    /** Forgets the types first named in a message that was abandoned; the reader does the same. */
    public void abandonMessage() {
        forget(namedAtStart);
    }

    private void forget(int keep) {
        while (named.size() > keep) numbers.remove(named.removeLast());
        lastType = null;
    }

    void writeValue(Object value, int depth) {
        frames.room();
        Bytes<?> bytes = frames.bytes();
        if (value == null) {
            bytes.writeByte(NULL);
            return;
        }
        Encoding encoding = types.encodingOf(value.getClass());
        ValueOut out = frames.wire().getValueOut();
        switch (encoding.kind()) {
            case BOOLEAN -> bytes.writeByte((Boolean) value ? TRUE : FALSE);
            case INT -> { bytes.writeByte(INT); out.int32((Integer) value); }
            case LONG -> { bytes.writeByte(LONG); out.int64((Long) value); }
            case DOUBLE -> { bytes.writeByte(DOUBLE); bytes.writeDouble((Double) value); }
            case STRING -> writeString((String) value);
            case BYTE -> { bytes.writeByte(BYTE); out.int8((Byte) value); }
            case SHORT -> { bytes.writeByte(SHORT); out.int16((Short) value); }
            case CHAR -> { bytes.writeByte(CHAR); out.uint16((Character) value); }
            case FLOAT -> { bytes.writeByte(FLOAT); bytes.writeFloat((Float) value); }
            case LIST, SET -> writeElements(encoding.kind() == Encoding.Kind.LIST ? LIST : SET, (Collection<?>) value, depth);
            case MAP -> writeMap((Map<?, ?>) value, depth);
            case OBJECT_ARRAY, STRING_ARRAY -> writeObjectArray((Object[]) value, encoding.kind(), depth);
            case ARRAY -> writeArray(encoding.arrayKind(), value);
            case BUFFER -> writeBuffer((ByteBuffer) value);
            case USER -> writeUser(encoding.userType(), value, depth);
            case JAVA -> writeJava(types.java().serialize(value));
            case UNSUPPORTED -> throw new UnsupportedTypeException("cannot write the value: " + encoding.problem());
        }
    }

    private void checkDepth(int depth) {
        if (depth >= maxDepth) {
            throw new SerializationException("the value nests deeper than " + maxDepth + " levels (a cycle, such as a"
                    + " list that contains itself?); raise SerializerContext.maxDepth on both sides if it is meant");
        }
    }

    private void writeString(String s) {
        if (s.length() <= TEXT_LIMIT) {
            frames.bytes().writeByte(STRING);
            frames.wire().getValueOut().text(s);
        } else {
            writeBulk(LONG_STRING, -1, ArrayKind.CHAR, s.length(), (first, chunk, offset, count) -> {
                for (int i = 0; i < count; i++) {
                    chunk.set(ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), offset + 2L * i,
                            s.charAt((int) first + i));
                }
            });
        }
    }

    private void writeElements(byte tag, Collection<?> values, int depth) {
        checkDepth(depth);
        int size = values.size();
        frames.bytes().writeByte(tag);
        frames.bytes().writeStopBit(size);
        int written = 0;
        for (Object element : values) {
            if (++written > size) break;
            writeValue(element, depth + 1);
        }
        if (written != size) {
            throw new SerializationException("a " + values.getClass().getName() + " changed size while it was written"
                    + " (another thread modified it?); " + size + " elements were announced");
        }
    }

    private void writeMap(Map<?, ?> map, int depth) {
        checkDepth(depth);
        int size = map.size();
        frames.bytes().writeByte(MAP);
        frames.bytes().writeStopBit(size);
        int written = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (++written > size) break;
            writeValue(entry.getKey(), depth + 1);
            writeValue(entry.getValue(), depth + 1);
        }
        if (written != size) {
            throw new SerializationException("a " + map.getClass().getName() + " changed size while it was written"
                    + " (another thread modified it?); " + size + " entries were announced");
        }
    }

    private void writeObjectArray(Object[] values, Encoding.Kind kind, int depth) {
        checkDepth(depth);
        frames.bytes().writeByte(OBJECT_ARRAY);
        frames.bytes().writeByte((byte) (kind == Encoding.Kind.STRING_ARRAY ? 1 : 0));
        frames.bytes().writeStopBit(values.length);
        for (Object element : values) writeValue(element, depth + 1);
    }

    private void writeArray(ArrayKind kind, Object array) {
        writeBulk(ARRAY, -1, kind, kind.length(array),
                (first, chunk, offset, count) -> kind.copyOut(array, (int) first, chunk, offset, count));
    }

    private void writeJava(byte[] bytes) {
        writeBulk(JAVA, -1, ArrayKind.BYTE, bytes.length,
                (first, chunk, offset, count) -> ArrayKind.BYTE.copyOut(bytes, (int) first, chunk, offset, count));
    }

    private void writeBuffer(ByteBuffer buffer) {
        int flags = (buffer.isDirect() ? 1 : 0) | (buffer.order() == ByteOrder.LITTLE_ENDIAN ? 2 : 0);
        MemorySegment content = MemorySegment.ofBuffer(buffer);    // position to limit; the buffer is not moved
        writeBulk(BUFFER, flags, ArrayKind.BYTE, buffer.remaining(),
                (first, chunk, offset, count) -> MemorySegment.copy(content, first, chunk, offset, count));
    }

    /**
     * The tag (and a flags byte when {@code flags >= 0}), the bulk header, then the elements: inside
     * the segment when they fit, else streamed after it. The size limit is checked before anything
     * is written, so a refused value leaves no half-written header behind.
     */
    private void writeBulk(byte tag, int flags, ArrayKind kind, long count, ElementCopier source) {
        long length = count * kind.elementSize();
        boolean inline = length <= frames.inlineRoom() - 16;
        if (!inline) frames.checkRoomFor(length);
        frames.bytes().writeByte(tag);
        if (flags >= 0) frames.bytes().writeByte((byte) flags);
        frames.bytes().writeByte((byte) (kind.code() | (inline ? 0 : STREAMED)));
        frames.bytes().writeStopBit(count);
        if (inline) {
            frames.inline(source, kind.elementSize(), (int) count);
        } else {
            frames.stream(source, kind.elementSize(), count);
        }
    }

    private void writeUser(UserType type, Object value, int depth) {
        checkDepth(depth);
        frames.bytes().writeByte(USER);
        int number = type == lastType ? lastNumber : numbers.getOrDefault(type, -1);
        if (number >= 0) {
            frames.bytes().writeStopBit(number + 1);
        } else {
            frames.bytes().writeStopBit(0);
            frames.wire().getValueOut().text(type.name());
            number = named.size();
            named.add(type);
            numbers.put(type, number);
        }
        lastType = type;
        lastNumber = number;
        type.write(value, this, depth);
    }

    // Bare scalars: record components and fields of primitive type, whose type both sides know.
    void writeInt(int v) { frames.room(); frames.wire().getValueOut().int32(v); }
    void writeLong(long v) { frames.room(); frames.wire().getValueOut().int64(v); }
    void writeDouble(double v) { frames.room(); frames.bytes().writeDouble(v); }
    void writeFloat(float v) { frames.room(); frames.bytes().writeFloat(v); }
    void writeBoolean(boolean v) { frames.room(); frames.bytes().writeByte(v ? TRUE : FALSE); }
    void writeByte(byte v) { frames.room(); frames.wire().getValueOut().int8(v); }
    void writeShort(short v) { frames.room(); frames.wire().getValueOut().int16(v); }
    void writeChar(char v) { frames.room(); frames.wire().getValueOut().uint16(v); }
    void writeCount(long v) { frames.room(); frames.bytes().writeStopBit(v); }
}
