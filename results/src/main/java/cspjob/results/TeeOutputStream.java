package cspjob.results;

import java.io.IOException;
import java.io.OutputStream;

/** Writes every byte to two streams: the job's own output and the run's {@code output.txt}. Closing closes only the second. */
final class TeeOutputStream extends OutputStream {
    private final OutputStream shown;
    private final OutputStream kept;

    TeeOutputStream(OutputStream shown, OutputStream kept) {
        this.shown = shown;
        this.kept = kept;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        shown.write(b);
        kept.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        shown.write(bytes, offset, length);
        kept.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() throws IOException {
        shown.flush();
        kept.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        shown.flush();
        kept.close();
    }
}
