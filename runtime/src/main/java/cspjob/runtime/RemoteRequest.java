package cspjob.runtime;

import cspjob.serializers.SerializationException;

/**
 * At a channel's home, the stand-in for a read or write that a process in another JVM posted. The
 * home owns it outright (a plain operation is offered on this one channel only), so it locks and
 * settles like a local request; waking it sends the outcome back to the JVM that posted it.
 *
 * <p>While the home is still inside the channel's monitor the wake is held back
 * ({@link #holdWake()} .. {@link #release()}), so no socket write happens under the monitor; a
 * wake from elsewhere (a poison, say) goes out at once.
 */
final class RemoteRequest extends Request {
    private final Peer peer;
    private final long id;
    /** Guarded by this: whether wakes are held back, and whether one came meanwhile. */
    private boolean holding;
    private boolean wakeHeld;

    RemoteRequest(Peer peer, long tag, long id) {
        super(tag, id);
        this.peer = peer;
        this.id = id;
    }

    Peer peer() {
        return peer;
    }

    synchronized void holdWake() {
        holding = true;
    }

    /** Stops holding wakes back and sends one that came meanwhile. */
    void release() {
        boolean send;
        synchronized (this) {
            holding = false;
            send = wakeHeld;
            wakeHeld = false;
        }
        if (send) {
            sendOutcome();
        }
    }

    @Override
    void wake() {
        synchronized (this) {
            if (holding) {
                wakeHeld = true;
                return;
            }
        }
        sendOutcome();
    }

    private void sendOutcome() {
        RuntimeException why = failure;
        Protocol.Done done;
        if (why == null) {
            done = new Protocol.Done(id, value, null, null);
        } else {
            done = new Protocol.Done(id, null, Failures.kind(why), Failures.reason(why));
        }
        try {
            peer.connection.send(done);
        } catch (SerializationException e) {
            // The value matched here cannot travel (its type was never registered): the reader must
            // not wait for it forever, so it gets the reason instead.
            peer.sendQuietly(new Protocol.Done(id, null, Protocol.Failure.UNDELIVERABLE, e.getMessage()
                    + " (values that cross JVMs must be of registered types: Csp.registerTypes(...))"));
        } catch (RuntimeException e) {
            // the peer is gone; its side fails with the connection
        }
    }
}
