package cspjob.runtime;

/** How the failure of a channel operation crosses JVMs: a kind and a reason, and back. */
final class Failures {
    private Failures() {
    }

    static Protocol.Failure kind(RuntimeException why) {
        return why instanceof ChannelPoisonedException ? Protocol.Failure.POISONED : Protocol.Failure.RETIRED;
    }

    static String reason(RuntimeException why) {
        return why instanceof ChannelRetiredException retired ? retired.why() : why.getMessage();
    }

    /** The exception a failure stands for, for a channel whose home is {@code home}. */
    static RuntimeException rebuild(Protocol.Failure kind, String message, RemoteHome home) {
        String name = home.channelName;
        return switch (kind) {
            case POISONED -> new ChannelPoisonedException(name);
            case RETIRED -> new ChannelRetiredException(name, message);
            case UNKNOWN, NOT_READY -> home.unreachable(message, null);
            case UNDELIVERABLE -> new IllegalArgumentException("channel '" + name + "': a value written to it could not be"
                    + " sent here from its home: " + message);
        };
    }
}
