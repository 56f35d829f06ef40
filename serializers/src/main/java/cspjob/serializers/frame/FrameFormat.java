package cspjob.serializers.frame;

/**
 * The byte layout of one message on a stream. A message is streamed, never built whole: the
 * writer fills a bounded buffer and sends it each time it is full, and the reader mirrors that.
 *
 * <pre>
 * message  := (MAGIC | MAGIC_CONTINUED) VERSION frame* (END | ABORT)
 * frame    := 'S' length:int32-LE payload[length]    structured values: Chronicle Wire binary values
 *                                                      behind one-byte cspjob tags; 0 &lt; length &lt;= MAX_SEGMENT
 *           | raw bytes                               the elements of a streamed array whose header
 *                                                      ended the previous 'S' frame: exactly count * size
 *                                                      bytes, little-endian, no framing at all
 * END      := 'E'
 * ABORT    := 'A' length:int32-LE utf8[length]        the writer gave up; length &lt;= MAX_ABORT_REASON
 * </pre>
 *
 * MAGIC starts a self-contained message; MAGIC_CONTINUED one that goes on numbering type names
 * where the previous message on the stream stopped (a connection's writer names each type once).
 * A segment ('S' frame) always ends at a value boundary, so a decoder never sees half a scalar;
 * bulk data needs no per-chunk framing because its length is known from its header.
 */
public final class FrameFormat {
    public static final byte MAGIC = (byte) 0xC5;
    public static final byte MAGIC_CONTINUED = (byte) 0xC6;
    public static final byte VERSION = 1;
    public static final byte SEGMENT = 'S';
    public static final byte END = 'E';
    public static final byte ABORT = 'A';
    /** Bytes of an 'S' or 'A' frame header: type and length. */
    public static final int FRAME_HEADER = 5;
    /** Largest segment a reader accepts: twice the largest chunk a writer may use. */
    public static final int MAX_SEGMENT = 16 << 20;
    public static final int MAX_ABORT_REASON = 4096;
    /** Room kept beyond the chunk size for the one value that starts before the chunk is full. */
    public static final int SLACK = 64 << 10;
    public static final int MIN_CHUNK = 4 << 10;
    public static final int MAX_CHUNK = 8 << 20;
    /** Buffers start this small and grow to the chunk size on the first message that needs it. */
    public static final int INITIAL_CHUNK = 32 << 10;

    private FrameFormat() {
    }
}
