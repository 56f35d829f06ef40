package cspjob.runtime;

/**
 * At a channel's home, the stand-in for an alternation of another JVM that offered a guard here. The
 * alternation may fire on any of its channels, so its request stays where it lives: locking it is a
 * round trip ({@link Protocol.Lock}), and the home that holds the lock settles or lets go of it there
 * (seed 000 §3.1, seed 002 §3). The id and tag are the real request's, so every home locks requests in
 * the same global order.
 */
final class AltRequest extends Request {
    private final Network network;
    private final Peer peer;
    /** Set once the home has settled it, or learnt it is done: no more round trips then. Guarded by arbiters' locks. */
    private volatile boolean doneHere;

    AltRequest(Network network, Peer peer, long tag, long id) {
        super(tag, id);
        this.network = network;
        this.peer = peer;
    }

    Peer peer() {
        return peer;
    }

    @Override
    boolean isDone() {
        return doneHere;
    }

    @Override
    boolean lock() {
        if (doneHere) {
            return false;
        }
        boolean locked = network.lockRemote(peer, id());
        if (!locked) {
            doneHere = true;
        }
        return locked;
    }

    @Override
    void unlock() {
        peer.sendQuietly(new Protocol.Unlock(id()));
    }

    @Override
    void settle(int index, Object result) {
        doneHere = true;
        RuntimeException why = failure;
        peer.sendQuietly(why == null
                ? new Protocol.Settle(id(), index, result, null, null)
                : new Protocol.Settle(id(), index, null, Failures.kind(why), Failures.reason(why)));
    }

    @Override
    void wake() {
        // the Settle message wakes the owner in its own JVM
    }
}
