package cspjob.serializers.wire;

/**
 * The one-byte tag in front of every structured value. What follows each tag:
 *
 * <pre>
 * NULL, FALSE, TRUE          nothing
 * BYTE .. DOUBLE             the Chronicle Wire binary scalar (int8, int16, uint16, int32, int64, float32, float64)
 * STRING                     Chronicle Wire text (UTF-8), at most {@link #TEXT_LIMIT} chars
 * LONG_STRING                a bulk header and the chars as UTF-16LE
 * LIST, SET, MAP             count (stop bit), then count values (MAP: key, value, key, value ...)
 * OBJECT_ARRAY               element type (0 Object[], 1 String[]), count, then count values
 * ARRAY                      a bulk header whose kind byte names the element type, then the elements
 * BUFFER                     flags (direct, little-endian), then a bulk header and the bytes
 * USER                       type reference, then the type's own content (see {@code UserType})
 * JAVA                       a bulk header and the bytes of Java serialization (opt-in only)
 * </pre>
 *
 * A bulk header is a byte (array kind code, plus {@link #STREAMED} when the elements follow the
 * segment as raw bytes instead of inside it) and the element count as a stop-bit number. A type
 * reference is a stop-bit number: 0 means the type's name follows as text, n refers to the n-th
 * type named earlier in the same message.
 */
public final class Tag {
    public static final byte NULL = 0;
    public static final byte FALSE = 1;
    public static final byte TRUE = 2;
    public static final byte BYTE = 3;
    public static final byte SHORT = 4;
    public static final byte CHAR = 5;
    public static final byte INT = 6;
    public static final byte LONG = 7;
    public static final byte FLOAT = 8;
    public static final byte DOUBLE = 9;
    public static final byte STRING = 10;
    public static final byte LONG_STRING = 11;
    public static final byte LIST = 12;
    public static final byte SET = 13;
    public static final byte MAP = 14;
    public static final byte OBJECT_ARRAY = 15;
    public static final byte ARRAY = 16;
    public static final byte BUFFER = 17;
    public static final byte USER = 18;
    public static final byte JAVA = 19;

    /** Marks a bulk value whose elements are streamed after the segment. */
    public static final int STREAMED = 0x80;
    /** Longer strings go as UTF-16 bulk data, so no single text value outgrows the buffer's slack. */
    public static final int TEXT_LIMIT = 8 << 10;
    /** Longest type name accepted on the wire. */
    public static final int NAME_LIMIT = 1024;

    private Tag() {
    }
}
