package cspjob.serializers.frame;

import java.lang.foreign.MemorySegment;

/**
 * Copies elements of one bulk value (an array or a byte buffer) between the value and a chunk
 * buffer, so that the frame writer and reader can stream any kind of bulk data in pieces.
 */
@FunctionalInterface
public interface ElementCopier {
    /** Copies {@code count} elements, starting at element {@code first} of the value, at {@code offset} of {@code chunk}. */
    void copy(long first, MemorySegment chunk, long offset, int count);
}
