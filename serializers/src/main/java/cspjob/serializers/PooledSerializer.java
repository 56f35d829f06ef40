package cspjob.serializers;

import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The {@link Serializer}: hands out writers and readers, and for one-off calls lends pooled ones,
 * so that a small message costs no buffer allocation. Pools keep at most {@link #POOL_LIMIT} idle
 * writers and readers; any thread may borrow.
 */
final class PooledSerializer implements Serializer {
    static final int POOL_LIMIT = 2 * Runtime.getRuntime().availableProcessors();

    private final SerializerContext context;
    private final BufferPool<MessageWriter> writers = new BufferPool<>(POOL_LIMIT);
    private final BufferPool<MessageReader> readers = new BufferPool<>(POOL_LIMIT);

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
        MessageWriter writer = writers.take();
        if (writer == null) writer = new MessageWriter(context, sink, false);
        else writer.sink(sink);
        try {
            writer.write(value);
        } finally {
            writer.sink(null);
            writers.giveBack(writer);
        }
    }

    @Override
    public Object read(ReadableByteChannel source) {
        MessageWriter.checkBlocking(source);
        MessageReader reader = readers.take();
        if (reader == null) reader = new MessageReader(context, source, false);
        else reader.source(source);
        try {
            return reader.read();
        } finally {
            reader.source(null);
            readers.giveBack(reader);
        }
    }
}
