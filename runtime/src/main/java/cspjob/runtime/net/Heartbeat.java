package cspjob.runtime.net;

import cspjob.serializers.SerializerContext;

/**
 * The message a dispatcher sends on a connection that has carried nothing for a while, so that the
 * other side can tell a quiet peer from a dead one (a host that crashed or whose link was cut never
 * closes its TCP connections). Consumed by the dispatcher; handlers never see it.
 *
 * @param sequence counts the heartbeats of one connection, for whoever reads a packet capture
 */
public record Heartbeat(long sequence) {
    /** Lets a serializer carry heartbeats: every serializer given to a {@link DispatcherContext} needs this. */
    public static SerializerContext register(SerializerContext context) {
        return context.register(Heartbeat.class, "cspjob.Heartbeat");
    }
}
