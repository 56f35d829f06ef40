package cspjob.benchmarks.serializers;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A first-in first-out byte queue in memory, seen as channels (for cspjob) and as streams (for
 * ObjectOutputStream), so that small-object benchmarks measure encoding and decoding, not I/O.
 */
final class MemoryChannel implements ReadableByteChannel, WritableByteChannel {
    private byte[] data = new byte[1 << 16];
    private int readAt;
    private int writeAt;

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        ensure(n);
        src.get(data, writeAt, n);
        writeAt += n;
        return n;
    }

    @Override
    public int read(ByteBuffer dst) {
        if (readAt == writeAt) return -1;
        int n = Math.min(dst.remaining(), writeAt - readAt);
        dst.put(data, readAt, n);
        readAt += n;
        return n;
    }

    private void ensure(int n) {
        if (readAt == writeAt) {
            readAt = 0;
            writeAt = 0;
        }
        if (writeAt + n > data.length) {
            byte[] bigger = new byte[Math.max(data.length * 2, writeAt - readAt + n)];
            System.arraycopy(data, readAt, bigger, 0, writeAt - readAt);
            writeAt -= readAt;
            readAt = 0;
            data = bigger;
        }
    }

    OutputStream asOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                ensure(1);
                data[writeAt++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ensure(len);
                System.arraycopy(b, off, data, writeAt, len);
                writeAt += len;
            }
        };
    }

    InputStream asInputStream() {
        return new InputStream() {
            @Override
            public int read() {
                return readAt == writeAt ? -1 : data[readAt++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (readAt == writeAt) return -1;
                int n = Math.min(len, writeAt - readAt);
                System.arraycopy(data, readAt, b, off, n);
                readAt += n;
                return n;
            }

            @Override
            public int available() {
                return writeAt - readAt;
            }
        };
    }

    @Override
    public boolean isOpen() { return true; }

    @Override
    public void close() { }
}
