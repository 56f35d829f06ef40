package cspjob.serializers;

import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The {@link Serializer}: hands out writers and readers, and for one-off calls lends pooled ones,
 * so that a small message costs no buffer allocation. Pools keep at most {@link #POOL_LIMIT} idle
 * buffers each; any thread may borrow.
 */
final class PooledSerializer implements Serializer {
    static final int POOL_LIMIT = 2 * Runtime.getRuntime().availableProcessors();

    private final SerializerContext context;
    private final ConcurrentLinkedDeque<MessageWriter> writers = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<MessageReader> readers = new ConcurrentLinkedDeque<>();

    PooledSerializer(SerializerContext context) {
        this.context = context;
    }

    @Override
    public SerializerContext context() { return context; }

    @Override
    public MessageWriter writer(WritableByteChannel sink) {
        return new MessageWriter(context, sink, true);
    }

    @Override
    public MessageReader reader(ReadableByteChannel source) {
        return new MessageReader(context, source, true);
    }

    @Override
    public void write(Object value, WritableByteChannel sink) {
        MessageWriter.checkBlocking(sink);
        MessageWriter writer = writers.pollFirst();
        if (writer == null) writer = new MessageWriter(context, sink, false);
        else writer.sink(sink);
        try {
            writer.write(value);
        } finally {
            writer.sink(null);
            giveBack(writers, writer);
        }
    }

    @Override
    public Object read(ReadableByteChannel source) {
        MessageWriter.checkBlocking(source);
        MessageReader reader = readers.pollFirst();
        if (reader == null) reader = new MessageReader(context, source, false);
        else reader.source(source);
        try {
            return reader.read();
        } finally {
            reader.source(null);
            giveBack(readers, reader);
        }
    }

    private static <T extends AutoCloseable> void giveBack(ConcurrentLinkedDeque<T> pool, T item) {
        // The size check races, so the pool may briefly hold a few more: harmless.
        if (pool.size() < POOL_LIMIT) {
            pool.offerFirst(item);
        } else {
            try {
                item.close();
            } catch (Exception ignored) {
                // closing only releases a buffer
            }
        }
    }
}
