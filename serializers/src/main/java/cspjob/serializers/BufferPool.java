package cspjob.serializers;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A few idle writers or readers kept for one-off calls, so a small message costs no buffer
 * allocation. Lock-free and allocation-free: a fixed row of slots, taken and filled by
 * compare-and-set; an item that finds every slot full is closed instead.
 */
final class BufferPool<T extends AutoCloseable> {
    private final AtomicReferenceArray<T> slots;

    BufferPool(int size) {
        slots = new AtomicReferenceArray<>(size);
    }

    /** An idle item, or null when none is idle. */
    T take() {
        for (int i = 0; i < slots.length(); i++) {
            T item = slots.getPlain(i);
            if (item != null && slots.compareAndSet(i, item, null)) return item;
        }
        return null;
    }

    void giveBack(T item) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.getPlain(i) == null && slots.compareAndSet(i, null, item)) return;
        }
        try {
            item.close();
        } catch (Exception ignored) {
            // closing only releases a buffer
        }
    }
}
