package cspjob.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CSP channel: any number of processes write to it and any number read from it, and each value
 * written is read exactly once. Unbuffered by default (a write waits for a reader: a rendezvous);
 * with a buffer of {@code n}, up to {@code n} writes complete before any reader comes. Processes
 * use the channel through its ends, {@link #reader()} and {@link #writer()}; either end can also
 * be a guard in an {@link Alternation}.
 *
 * <pre>{@code
 * Channel<Integer> numbers = new Channel<>("numbers");
 * ChannelWriter<Integer> out = numbers.writer();
 * ChannelReader<Integer> in = numbers.reader();
 * Csp.parallel(
 *     () -> { for (int i = 0; i < 10; i++) out.write(i); out.retire(); },
 *     () -> { while (true) System.out.println(in.read()); });   // ends when the writer retires
 * }</pre>
 *
 * <p><b>Poison</b> ({@link #poison()}, or {@code poison()} on any end) ends the channel at once for
 * everyone: every waiting and later operation throws {@link ChannelPoisonedException} and buffered
 * values are dropped. A process that ends because of poison poisons every end it was given, so one
 * poison shuts a whole network down. <b>Retire</b> is the gentle form: the channel goes on until
 * every reader end (or every writer end) has retired; readers still get what the buffer holds.
 *
 * <p>Each call of {@code reader()} or {@code writer()} makes a new end that counts for retirement, so
 * take the ends once and hand them to processes.
 *
 * @param <T> the type of the values; the channel itself does not check it
 */
public final class Channel<T> {
    private static final AtomicInteger ANONYMOUS = new AtomicInteger();
    /** Marks a claim that found the claimer's own request already completed elsewhere. */
    private static final Offer SELF_DONE = new Offer(null, -1, null);

    private final String name;
    // An int, and the capacity kept only as the buffer's length: with millions of channels, each field counts.
    private final int anonymousId;
    /** Null at the channel's home; elsewhere, where the home is (every operation goes there). */
    private volatile RemoteHome remote;
    /** The name other JVMs know the channel by, once it has been made reachable (see {@link Network#host}). */
    private volatile String wireName;

    // Everything below is guarded by this channel's monitor.
    private final OfferQueue readers = new OfferQueue();
    private final OfferQueue writers = new OfferQueue();
    private Object[] buffer;
    private int bufferHead;
    private int bufferCount;
    private boolean poisoned;
    private int readerEnds;
    private int writerEnds;
    private boolean readersRetired;
    private boolean writersRetired;
    /**
     * A counterpart settled under the monitor, to be woken by whoever holds it once it has left. Owners
     * are never unparked under the monitor: besides keeping the hold short, on JDK 25.0.3 such unparks
     * of virtual threads were now and then lost and a busy network parked for ever (StressedAltStallTest).
     */
    private Request toWake;

    /** An anonymous unbuffered channel. */
    public Channel() {
        this(null, 0);
    }

    /** A named unbuffered channel; the name appears in errors and, later, in addresses. */
    public Channel(String name) {
        this(name, 0);
    }

    /**
     * A named channel with a buffer of {@code bufferSize} values (0: unbuffered).
     *
     * @throws IllegalArgumentException when {@code bufferSize} is negative
     */
    public Channel(String name, int bufferSize) {
        if (bufferSize < 0) {
            throw new IllegalArgumentException("channel '" + (name == null ? "anonymous" : name)
                    + "': buffer size " + bufferSize + " is negative; use 0 for an unbuffered channel or a positive size");
        }
        this.name = name;
        this.anonymousId = name == null ? ANONYMOUS.incrementAndGet() : 0;
        this.buffer = bufferSize == 0 ? null : new Object[bufferSize];
        this.remote = null;
    }

    /** A stand-in for a channel whose home is another JVM. */
    private Channel(RemoteHome remote, String name) {
        this.name = name;
        this.anonymousId = 0;
        this.buffer = null;
        this.remote = remote;
    }

    static <T> Channel<T> remote(RemoteHome home, String name) {
        return new Channel<>(home, name);
    }

    /**
     * Reaches a channel hosted by another program of the same job (seed 000 Listing 2); both must
     * share the job's secret (see {@link cspjob.runtime.net.JobSecret}).
     *
     * <pre>{@code
     * Channel<String> jobs = Channel.connect(ChannelAddress.parse("jobs@10.0.0.5:4321"));
     * jobs.writer().write("work");
     * }</pre>
     */
    @SuppressWarnings("unchecked")
    public static <T> Channel<T> connect(ChannelAddress address) {
        return (Channel<T>) Network.get().channelAt(address);
    }

    /**
     * Where the channel lives, for other programs to {@link #connect} to. Makes the channel reachable
     * from other JVMs (starting this JVM's dispatcher if need be).
     */
    public ChannelAddress address() {
        RemoteHome home = remote;
        return home != null ? home.address : Network.get().host(this);
    }

    boolean isRemote() {
        return remote != null;
    }

    RemoteHome remoteHome() {
        return remote;
    }

    // ---- mobile homes (seed 000 §3.1) -------------------------------------------------------------------

    /**
     * At the old home, under the monitor: hands the channel over to {@code newHome}. Returns the state
     * and every waiting operation, to be posted again there; this object becomes a stand-in.
     */
    Protocol.MoveGranted moveTo(RemoteHome newHome, String oldName,
                                java.util.function.BiFunction<Offer, Boolean, Protocol.Post> repost) {
        java.util.List<Object> buffered = new java.util.ArrayList<>(bufferCount);
        for (int i = 0; i < bufferCount; i++) {
            buffered.add(buffer[(bufferHead + i) % buffer.length]);
        }
        java.util.List<Protocol.Post> waiting = new java.util.ArrayList<>();
        readers.drain(o -> waiting.add(repost.apply(o, false)));
        writers.drain(o -> waiting.add(repost.apply(o, true)));
        Protocol.MoveGranted granted = new Protocol.MoveGranted(oldName, capacity(), buffered, readerEnds, writerEnds, poisoned,
                readersRetired, writersRetired, waiting);
        if (buffer != null) {
            java.util.Arrays.fill(buffer, null);
        }
        bufferCount = 0;
        remote = newHome;
        return granted;
    }

    /** At the new home, under the monitor: takes over the state the old home handed over. */
    void becomeHomeOf(Protocol.MoveGranted state) {
        buffer = state.capacity() == 0 ? null : new Object[state.capacity()];
        bufferHead = 0;
        bufferCount = 0;
        for (Object value : state.buffered()) {
            putInBuffer(value);
        }
        readerEnds = state.readerEnds();
        writerEnds = state.writerEnds();
        poisoned = state.poisoned();
        readersRetired = state.readersRetired();
        writersRetired = state.writersRetired();
        remote = null;
    }

    /** Serializes this JVM's own moves of this channel. */
    Object moveLock() {
        return readers; // any private final object of this channel
    }

    /**
     * At the new home: one of this JVM's own operations, which waited at the old home, is offered here
     * (a plain one as itself; an alternation's as one of its guards, visible elsewhere too).
     */
    void acceptOwn(Request request, int index, boolean write, Object value) {
        accept(request, index, write, value, request.alternation);
    }

    /** After the home moved here: points a stand-in at the new home, for callers that knew the old one. */
    void moved(RemoteHome newHome) {
        synchronized (this) {
            if (remote != null) {
                remote = newHome;
            }
        }
    }

    ChannelAddress remoteAddress() {
        RemoteHome home = remote;
        return home == null ? null : home.address;
    }

    String wireName() {
        return wireName;
    }

    void wireName(String name) {
        wireName = name;
    }

    /** An anonymous channel with a buffer of {@code bufferSize} values. */
    public static <T> Channel<T> buffered(int bufferSize) {
        return new Channel<>(null, bufferSize);
    }

    /** The channel's name; anonymous channels get {@code channel-N}. */
    public String name() {
        return name != null ? name : "channel-" + anonymousId;
    }

    /** How many values the channel holds without a reader (0: unbuffered). */
    public int bufferSize() {
        return capacity();
    }

    /** The buffer's size, set when the channel is made or its home moves here (0: unbuffered). */
    private int capacity() {
        Object[] values = buffer;
        return values == null ? 0 : values.length;
    }

    /** A new reader end, counted for retirement. */
    public ChannelReader<T> reader() {
        join(true);
        ChannelReader<T> end = new ChannelReader<>(this);
        ProcessRun.noteEnd(end);
        return end;
    }

    /** A new writer end, counted for retirement. */
    public ChannelWriter<T> writer() {
        join(false);
        ChannelWriter<T> end = new ChannelWriter<>(this);
        ProcessRun.noteEnd(end);
        return end;
    }

    /** Counts a new member end, here or at the home. */
    void join(boolean reader) {
        RemoteHome home = remote;
        if (home != null) {
            home.join(reader);
            return;
        }
        synchronized (this) {
            if (reader) {
                readerEnds++;
            } else {
                writerEnds++;
            }
        }
    }

    /** An end that arrived from another JVM; one that did not bring a membership joins now. */
    ChannelEnd<T> arrivedEnd(boolean reader, boolean member) {
        if (!member) {
            join(reader);
        }
        return reader ? new ChannelReader<>(this) : new ChannelWriter<>(this);
    }

    /** Poisons the channel: every waiting and later read, write or alternation on it fails. */
    public void poison() {
        RemoteHome home = remote;
        if (home != null) {
            synchronized (this) {
                poisoned = true; // what this JVM knows; the home tells everyone else
            }
            home.poison();
            return;
        }
        java.util.List<Request> failed = new java.util.ArrayList<>();
        synchronized (this) {
            if (poisoned) {
                return;
            }
            poisoned = true;
            if (buffer != null) {
                java.util.Arrays.fill(buffer, null);
                bufferCount = 0;
            }
            readers.drain(o -> failWith(o, poisonedException(), failed));
            writers.drain(o -> failWith(o, poisonedException(), failed));
        }
        failed.forEach(Request::wake);
    }

    public boolean isPoisoned() {
        synchronized (this) {
            return poisoned;
        }
    }

    @Override
    public String toString() {
        return "Channel[" + name() + (capacity() > 0 ? ", buffer " + capacity() : "") + "]";
    }

    // ---- plain reads and writes: the fast path, no alternation ------------------------------------

    Object read(ChannelReader<?> end) {
        RemoteHome home = remote;
        if (home != null) {
            synchronized (this) {
                end.checkNotRetired();
            }
            return home.read(this);
        }
        Request waiting;
        Object value = null;
        Request wake = null;
        synchronized (this) {
            if (remote != null) {
                return read(end); // the home moved away just now
            }
            end.checkNotRetired();
            if (poisoned) {
                throw poisonedException();
            }
            if (bufferCount > 0) {
                value = takeFromBuffer(null);
                wake = takeWake();
                waiting = null;
            } else {
                Offer writer = claim(writers, null, false);
                if (writer != null) {
                    writer.request.settle(writer.index, null);
                    value = writer.value;
                    wake = writer.request;
                    waiting = null;
                } else if (writersRetired) {
                    throw retiredException("all writers have retired");
                } else {
                    waiting = new Request(Thread.currentThread());
                    readers.add(new Offer(waiting, 0, null));
                }
            }
        }
        if (waiting == null) {
            if (wake != null) {
                wake.wake();
            }
            return value;
        }
        waiting.await(this);
        if (waiting.failure != null) {
            throw waiting.failure;
        }
        return waiting.value;
    }

    void write(ChannelWriter<?> end, Object value) {
        RemoteHome home = remote;
        if (home != null) {
            synchronized (this) {
                end.checkNotRetired();
            }
            home.write(this, value);
            return;
        }
        Request waiting = null;
        Request wake = null;
        synchronized (this) {
            if (remote != null) {
                write(end, value); // the home moved away just now
                return;
            }
            end.checkNotRetired();
            if (poisoned) {
                throw poisonedException();
            }
            if (readersRetired) {
                throw retiredException("all readers have retired");
            }
            Offer reader = claim(readers, null, false);
            if (reader != null) {
                reader.request.settle(reader.index, value);
                wake = reader.request;
            } else if (bufferCount < capacity()) {
                putInBuffer(value);
            } else {
                waiting = new Request(Thread.currentThread());
                writers.add(new Offer(waiting, 0, value));
            }
        }
        if (waiting == null) {
            if (wake != null) {
                wake.wake();
            }
            return;
        }
        waiting.await(this);
        if (waiting.failure != null) {
            throw waiting.failure;
        }
    }

    // ---- the arbiter of alternations (seed 002 §3); the caller holds this channel's monitor ------

    /**
     * Tries to complete {@code self}'s read guard {@code index} against what the channel holds now.
     *
     * @param offered whether {@code self} is already offered on another channel (then it is locked
     *                too, in id order, before it is completed)
     * @return true when {@code self} is done: matched here, failed here, or completed elsewhere
     */
    boolean tryRead(Request self, int index, boolean offered) {
        if (poisoned) {
            return failSelf(self, index, offered, poisonedException());
        }
        if (bufferCount > 0) {
            if (!self.lockIfOffered(offered)) {
                return true;
            }
            self.complete(index, takeFromBuffer(self));
            return true;
        }
        Offer writer = claim(writers, self, offered);
        if (writer == SELF_DONE) {
            return true;
        }
        if (writer != null) {
            writer.request.settle(writer.index, null);
            wakeLater(writer.request);
            self.complete(index, writer.value);
            return true;
        }
        if (writersRetired) {
            return failSelf(self, index, offered, retiredException("all writers have retired"));
        }
        return false;
    }

    /** As {@link #tryRead}, for a write guard carrying {@code value}. */
    boolean tryWrite(Request self, int index, Object value, boolean offered) {
        if (poisoned) {
            return failSelf(self, index, offered, poisonedException());
        }
        if (readersRetired) {
            return failSelf(self, index, offered, retiredException("all readers have retired"));
        }
        Offer reader = claim(readers, self, offered);
        if (reader == SELF_DONE) {
            return true;
        }
        if (reader != null) {
            reader.request.settle(reader.index, value);
            wakeLater(reader.request);
            self.complete(index, null);
            return true;
        }
        if (bufferCount < capacity()) {
            if (!self.lockIfOffered(offered)) {
                return true;
            }
            putInBuffer(value);
            self.complete(index, null);
            return true;
        }
        return false;
    }

    Offer enqueueRead(Request self, int index) {
        Offer offer = new Offer(self, index, null);
        readers.add(offer);
        return offer;
    }

    Offer enqueueWrite(Request self, int index, Object value) {
        Offer offer = new Offer(self, index, value);
        writers.add(offer);
        return offer;
    }

    /** Removes an alternation's offer that was not the one chosen (at the new home if the home has moved meanwhile). */
    void withdraw(Offer offer, boolean write) {
        synchronized (this) {
            if (remote == null) {
                (write ? writers : readers).remove(offer);
                return;
            }
        }
        withdrawEverywhere(offer.request);
    }

    /** Removes every offer of an alternation's request, here or at the channel's (possibly new) home. */
    void withdrawEverywhere(Request request) {
        RemoteHome home;
        synchronized (this) {
            home = remote;
            if (home == null) {
                removeOffers(o -> o.request == request);
                return;
            }
        }
        home.network.withdrawAt(home, request);
    }

    // ---- operations posted by other JVMs (this JVM is the home) -------------------------------------

    /** Matches, or queues, a read or write that a process in another JVM posted here. */
    void acceptRemote(RemoteRequest request, boolean write, Object value) {
        request.holdWake();
        accept(request, 0, write, value, false);
        request.release();
    }

    /** Tries a guard of another JVM's alternation now, without offering it: true when it fired (or failed). */
    boolean acceptTry(RemoteRequest request, int index, boolean write, Object value) {
        Request wake;
        boolean done;
        request.holdWake();
        synchronized (this) {
            done = write ? tryWrite(request, index, value, false) : tryRead(request, index, false);
            wake = takeWake();
        }
        if (wake != null) {
            wake.wake();
        }
        request.release();
        return done;
    }

    /** Offers a guard of another JVM's alternation here, matching it now if a partner waits. */
    void acceptAlternative(AltRequest request, int index, boolean write, Object value) {
        accept(request, index, write, value, true);
    }

    /**
     * Matches an operation that arrived from elsewhere with what waits here, or queues it.
     *
     * @param offered whether the request may fire on other channels too (an alternation's)
     */
    private void accept(Request request, int index, boolean write, Object value, boolean offered) {
        Request wake;
        synchronized (this) {
            boolean done = write ? tryWrite(request, index, value, offered) : tryRead(request, index, offered);
            if (!done && !request.isDone()) {
                if (write) {
                    enqueueWrite(request, index, value);
                } else {
                    enqueueRead(request, index);
                }
            }
            wake = takeWake();
        }
        if (wake != null) {
            wake.wake();
        }
    }

    /** Forgets the offer of an alternation of another JVM that is over (at the new home, if the home has moved). */
    void withdrawRemote(long tag, long id) {
        RemoteHome home;
        synchronized (this) {
            home = remote;
            if (home == null) {
                removeOffers(o -> o.request instanceof AltRequest r && r.tag == tag && r.id() == id);
                return;
            }
        }
        home.network.peer(home).sendQuietly(new Protocol.Withdraw(home.address.name(), tag, id));
    }

    /** Forgets the waiting operations of a JVM whose connection closed. */
    synchronized void dropRemote(cspjob.runtime.net.Connection connection) {
        removeOffers(o -> (o.request instanceof RemoteRequest r && r.peer().connection == connection)
                || (o.request instanceof AltRequest a && a.peer().connection == connection));
    }

    private void removeOffers(java.util.function.Predicate<Offer> which) {
        for (OfferQueue queue : new OfferQueue[] {readers, writers}) {
            for (Offer o = queue.head(); o != null; ) {
                Offer next = o.next;
                if (which.test(o)) {
                    queue.remove(o);
                }
                o = next;
            }
        }
    }

    // ---- retirement --------------------------------------------------------------------------------

    void retireReader() {
        RemoteHome home = remote;
        if (home != null) {
            home.retire(true);
            return;
        }
        retireLocalReader();
    }

    void retireWriter() {
        RemoteHome home = remote;
        if (home != null) {
            home.retire(false);
            return;
        }
        retireLocalWriter();
    }

    private void retireLocalReader() {
        java.util.List<Request> failed = new java.util.ArrayList<>();
        synchronized (this) {
            if (--readerEnds == 0 && !readersRetired) {
                readersRetired = true;
                RuntimeException why = retiredException("all readers have retired");
                writers.drain(o -> failWith(o, why, failed));
                readers.drain(o -> failWith(o, why, failed));
            }
        }
        failed.forEach(Request::wake);
    }

    private void retireLocalWriter() {
        java.util.List<Request> failed = new java.util.ArrayList<>();
        synchronized (this) {
            if (--writerEnds == 0 && !writersRetired) {
                writersRetired = true;
                if (bufferCount == 0) {
                    RuntimeException why = retiredException("all writers have retired");
                    readers.drain(o -> failWith(o, why, failed));
                }
                writers.drain(o -> failWith(o, retiredException("all writers have retired"), failed));
            }
        }
        failed.forEach(Request::wake);
    }

    // ---- inside the monitor ------------------------------------------------------------------------

    /**
     * Finds the first live offer in {@code queue} that is not {@code self}'s, locks it (and self when
     * offered), and unlinks it. Offers of requests completed elsewhere are dropped on the way.
     *
     * @return the claimed offer, null when none, or {@link #SELF_DONE}
     */
    private Offer claim(OfferQueue queue, Request self, boolean offered) {
        Offer o = queue.head();
        while (o != null) {
            Offer next = o.next;
            if (o.request != self) {
                switch (Request.lockPair(self, offered, o.request)) {
                    case Request.PAIR_LOCKED -> {
                        queue.remove(o);
                        return o;
                    }
                    case Request.OTHER_DONE -> queue.remove(o);
                    default -> {
                        return SELF_DONE;
                    }
                }
            }
            o = next;
        }
        return null;
    }

    /** Takes the oldest buffered value; a waiting writer (not {@code reader}'s own) refills the slot. */
    private Object takeFromBuffer(Request reader) {
        Object value = buffer[bufferHead];
        buffer[bufferHead] = null;
        bufferHead = (bufferHead + 1) % buffer.length;
        bufferCount--;
        Offer writer = claim(writers, reader, false);
        if (writer != null) {
            putInBuffer(writer.value);
            writer.request.settle(writer.index, null);
            wakeLater(writer.request);
        } else if (writersRetired && bufferCount == 0) {
            // no reader waits while the buffer held a value, so there is none to fail here in practice
            RuntimeException why = retiredException("all writers have retired");
            readers.drain(o -> {
                if (o.request.lock()) {
                    o.request.fail(o.index, why);
                }
            });
        }
        return value;
    }

    /** Notes a settled counterpart; the thread leaving the monitor wakes it ({@link #takeWake()}). */
    private void wakeLater(Request request) {
        if (toWake != null) {
            toWake.wake(); // never two in one operation, but never lose one either
        }
        toWake = request;
    }

    /** The counterpart the last operation settled, if any; the caller wakes it after leaving the monitor. */
    Request takeWake() {
        Request request = toWake;
        toWake = null;
        return request;
    }

    private void putInBuffer(Object value) {
        buffer[(bufferHead + bufferCount) % buffer.length] = value;
        bufferCount++;
    }

    private boolean failSelf(Request self, int index, boolean offered, RuntimeException why) {
        if (self.lockIfOffered(offered)) {
            self.fail(index, why);
        }
        return true;
    }

    /** Fails a waiting offer; its owner is woken (from {@code failed}) once the monitor is left, see {@link #takeWake()}. */
    private static void failWith(Offer offer, RuntimeException why, java.util.List<Request> failed) {
        if (offer.request.lock()) {
            offer.request.settleFailure(offer.index, why);
            failed.add(offer.request);
        }
    }

    ChannelPoisonedException poisonedException() {
        return new ChannelPoisonedException(this);
    }

    ChannelRetiredException retiredException(String why) {
        return new ChannelRetiredException(this, why);
    }
}
