package cspjob.runtime;

import cspjob.serializers.SerializerContext;

/**
 * The messages JVMs of one job exchange about channels (seed 000 §3.1). The home of a channel (the
 * JVM that made it) matches its reads and writes; another JVM posts each operation there and gets
 * its outcome back. All of them are records the job's serializer knows by name, so nothing else is
 * ever built from a peer's bytes.
 */
final class Protocol {
    private Protocol() {
    }

    /** First message on a connection its opener made: where the opener's own dispatcher listens. */
    record Hello(String host, int port) {
    }

    /**
     * A read or a write of a process in the sending JVM, posted at the channel's home: a plain
     * operation, a try (match now or say so, for the first phase of an alternation) or one guard of an
     * alternation (its request is locked from the home through {@link Lock}).
     */
    record Post(String channel, long tag, long request, int index, boolean write, Mode mode, Object value,
                String replyHost, int replyPort) {
        Post(String channel, long tag, long request, int index, boolean write, Mode mode, Object value) {
            this(channel, tag, request, index, write, mode, value, null, 0);
        }
    }

    /** How a post is meant (see {@link Post}). */
    enum Mode { PLAIN, TRY, ALT }

    /** The outcome of a posted operation: the value read (or null), or why it failed. */
    record Done(long request, Object value, Failure failure, String message) {
    }

    /** Why a posted operation failed (NOT_READY: a try found no partner, which is no failure). */
    enum Failure { POISONED, RETIRED, UNKNOWN, UNDELIVERABLE, NOT_READY }

    /** From a home: lock your alternation's request for me (seed 002 Listing 4, across JVMs). */
    record Lock(long request, long correlation) {
    }

    /** The answer to a {@link Lock}: locked, or the request was already done. */
    record Locked(long correlation, boolean locked) {
    }

    /** From a home that holds the lock of an alternation's request: it fired guard {@code index} (or failed). */
    record Settle(long request, int index, Object value, Failure failure, String message) {
    }

    /** From a home that holds the lock of an alternation's request: no match after all, let go. */
    record Unlock(long request) {
    }

    /** To a home: an alternation is over, forget its offer there. */
    record Withdraw(String channel, long tag, long request) {
    }

    /** Poisons a channel at its home. */
    record Poison(String channel) {
    }

    /** A new member end of a channel in the sending JVM (counted for retirement). */
    record Join(String channel, boolean reader) {
    }

    /** A member end of a channel in the sending JVM has retired. */
    record Retire(String channel, boolean reader) {
    }

    /**
     * How a channel end travels inside a value: its channel's name at its home and the home, whether it
     * carries a membership, and the name the program gave the channel (which a home that hosts two
     * channels of one name tells apart as name~2 on the wire).
     */
    record EndAddress(String channel, String host, int port, boolean reader, boolean member, String name) {
    }

    /** From a worker JVM ({@link Workers}): ready for processes. */
    record Ready(String worker) {
    }

    /** To a worker JVM: a process to run (a value of a registered type); {@code run} numbers it in the sender. */
    record Run(long run, Object body) {
    }

    /** From a worker JVM: how a process it was sent ended (failure is null on success). */
    record Result(long run, Object value, String failure) {
    }

    /** From a worker JVM to its parent: place this cluster process (slot -1: by the scheme) and run it; answered by a Result. */
    record Place(long run, Object body, String name, int slot) {
    }

    /** To a worker JVM: end, with this exit status. */
    record Exit(int status) {
    }

    /** To a channel's home, from a JVM that wants to become its home ({@link ChannelEnd#becomeHome()}). */
    record Move(String channel, String newName) {
    }

    /**
     * The home's answer to a {@link Move}: the channel's state, and every operation waiting there,
     * each to be posted again at the new home on behalf of the JVM at {@code replyHost:replyPort}.
     */
    record MoveGranted(String channel, int capacity, java.util.List<Object> buffered, int readerEnds, int writerEnds,
                       boolean poisoned, boolean readersRetired, boolean writersRetired, java.util.List<Post> waiting) {
    }

    /** A channel's home has moved: it is now {@code name} at {@code host:port}. */
    record Moved(String channel, String host, int port, String name) {
    }

    /** Makes every message known to a serializer context. */
    static SerializerContext register(SerializerContext context) {
        return cspjob.runtime.net.Heartbeat.register(context).register(Hello.class, "cspjob.Hello")
                .register(Post.class, "cspjob.Post")
                .register(Mode.class, "cspjob.Mode")
                .register(Lock.class, "cspjob.Lock")
                .register(Locked.class, "cspjob.Locked")
                .register(Settle.class, "cspjob.Settle")
                .register(Unlock.class, "cspjob.Unlock")
                .register(Withdraw.class, "cspjob.Withdraw")
                .register(Done.class, "cspjob.Done")
                .register(Failure.class, "cspjob.Failure")
                .register(Poison.class, "cspjob.Poison")
                .register(Join.class, "cspjob.Join")
                .register(Retire.class, "cspjob.Retire")
                .register(EndAddress.class, "cspjob.EndAddress")
                .register(Ready.class, "cspjob.Ready")
                .register(Run.class, "cspjob.Run")
                .register(Result.class, "cspjob.Result")
                .register(Exit.class, "cspjob.Exit")
                .register(Place.class, "cspjob.Place")
                .register(Move.class, "cspjob.Move")
                .register(MoveGranted.class, "cspjob.MoveGranted")
                .register(Moved.class, "cspjob.Moved");
    }
}
