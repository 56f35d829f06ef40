package cspjob.runtime;

import java.util.function.Consumer;

/** A FIFO of offers with O(1) removal from anywhere; guarded by its channel's lock. */
final class OfferQueue {
    private Offer head;
    private Offer tail;

    Offer head() {
        return head;
    }

    boolean isEmpty() {
        return head == null;
    }

    void add(Offer offer) {
        offer.prev = tail;
        offer.next = null;
        if (tail == null) {
            head = offer;
        } else {
            tail.next = offer;
        }
        tail = offer;
    }

    /**
     * Unlinks the offer; does nothing when it is no longer queued. (An offer is queued here when it has
     * a predecessor or is the head; no flag for it, as millions of processes each wait with one offer.)
     */
    void remove(Offer offer) {
        if (offer.prev == null && head != offer) {
            return;
        }
        if (offer.prev == null) {
            head = offer.next;
        } else {
            offer.prev.next = offer.next;
        }
        if (offer.next == null) {
            tail = offer.prev;
        } else {
            offer.next.prev = offer.prev;
        }
        offer.prev = null;
        offer.next = null;
    }

    /** Removes every offer, handing each to {@code action} first. */
    void drain(Consumer<Offer> action) {
        Offer o = head;
        head = null;
        tail = null;
        while (o != null) {
            Offer next = o.next;
            o.prev = null;
            o.next = null;
            action.accept(o);
            o = next;
        }
    }
}
