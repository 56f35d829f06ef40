package cspjob.runtime;

/**
 * A request's entry in one channel's queue of waiting readers or writers: which request, which of
 * its guards (the index in its alternation; 0 for a plain read or write) and, for a write, the
 * value. Linked into an {@link OfferQueue}; its links are guarded by that channel's lock.
 */
final class Offer {
    final Request request;
    final int index;
    final Object value;
    // Links in the queue; both null when not queued (or when first and alone: see OfferQueue#remove).
    Offer prev;
    Offer next;

    Offer(Request request, int index, Object value) {
        this.request = request;
        this.index = index;
        this.value = value;
    }
}
