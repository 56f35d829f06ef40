package cspjob.serializers.bulk;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The element kinds of the bulk path: every primitive array travels as a raw little-endian copy of
 * its elements, with no per-element framing. Copies go through {@link MemorySegment#copy}, which on
 * a little-endian machine is one memory copy (no conversion loop), so a {@code double[]} moves as
 * fast as a {@code byte[]} of the same size.
 *
 * <p>The code of each kind is its byte on the wire; do not reorder the constants.
 */
public enum ArrayKind {
    BYTE(byte[].class, ValueLayout.JAVA_BYTE),
    SHORT(short[].class, ValueLayout.JAVA_SHORT_UNALIGNED),
    CHAR(char[].class, ValueLayout.JAVA_CHAR_UNALIGNED),
    INT(int[].class, ValueLayout.JAVA_INT_UNALIGNED),
    LONG(long[].class, ValueLayout.JAVA_LONG_UNALIGNED),
    FLOAT(float[].class, ValueLayout.JAVA_FLOAT_UNALIGNED),
    DOUBLE(double[].class, ValueLayout.JAVA_DOUBLE_UNALIGNED),
    /** One byte per element, 0 or 1 (no {@code MemorySegment} view of {@code boolean[]} exists). */
    BOOLEAN(boolean[].class, ValueLayout.JAVA_BYTE);

    private static final ArrayKind[] BY_CODE = values();

    private final Class<?> arrayType;
    private final ValueLayout layout;
    private final int elementSize;

    ArrayKind(Class<?> arrayType, ValueLayout layout) {
        this.arrayType = arrayType;
        this.layout = layout.withOrder(ByteOrder.LITTLE_ENDIAN);
        this.elementSize = (int) layout.byteSize();
    }

    /** The kind whose wire code is {@code code}, or null when no kind has it. */
    public static ArrayKind ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The kind of a primitive array class, or null for any other class. */
    public static ArrayKind ofArrayType(Class<?> type) {
        for (ArrayKind kind : BY_CODE) {
            if (kind.arrayType == type) return kind;
        }
        return null;
    }

    public int code() { return ordinal(); }

    public int elementSize() { return elementSize; }

    public Class<?> arrayType() { return arrayType; }

    /** The number of elements of {@code array}, which must be of this kind. */
    public int length(Object array) { return java.lang.reflect.Array.getLength(array); }

    public Object newArray(int length) {
        return switch (this) {
            case BYTE -> new byte[length];
            case SHORT -> new short[length];
            case CHAR -> new char[length];
            case INT -> new int[length];
            case LONG -> new long[length];
            case FLOAT -> new float[length];
            case DOUBLE -> new double[length];
            case BOOLEAN -> new boolean[length];
        };
    }

    /** Copies {@code count} elements of {@code array} from {@code index} to {@code dst} at {@code offset}. */
    public void copyOut(Object array, int index, MemorySegment dst, long offset, int count) {
        if (this == BOOLEAN) {
            boolean[] flags = (boolean[]) array;
            for (int i = 0; i < count; i++) dst.set(ValueLayout.JAVA_BYTE, offset + i, flags[index + i] ? (byte) 1 : 0);
        } else {
            MemorySegment.copy(array, index, dst, layout, offset, count);
        }
    }

    /** Copies {@code count} elements from {@code src} at {@code offset} into {@code array} at {@code index}. */
    public void copyIn(MemorySegment src, long offset, Object array, int index, int count) {
        if (this == BOOLEAN) {
            boolean[] flags = (boolean[]) array;
            for (int i = 0; i < count; i++) flags[index + i] = src.get(ValueLayout.JAVA_BYTE, offset + i) != 0;
        } else {
            MemorySegment.copy(src, layout, offset, array, index, count);
        }
    }
}
