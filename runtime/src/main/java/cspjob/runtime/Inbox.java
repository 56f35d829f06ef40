package cspjob.runtime;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The home-side messages of one connection (posts, withdrawals, poison, joins, retirements), handled
 * in order by a virtual thread of their own. They take channel monitors, and a monitor's holder may be
 * waiting for a lock answer that arrives on this very connection, so the connection's reader must
 * never wait for a monitor itself.
 */
final class Inbox {
    private static final Object CLOSE = new Object();
    private final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();

    Inbox(String peer, Consumer<Object> handler) {
        Thread.ofVirtual().name("cspjob inbox " + peer).start(() -> {
            while (true) {
                Object message;
                try {
                    message = messages.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (message == CLOSE) {
                    return;
                }
                handler.accept(message);
            }
        });
    }

    void add(Object message) {
        messages.add(message);
    }

    void close() {
        messages.add(CLOSE);
    }
}
