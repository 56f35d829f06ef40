package cspjob.serializers;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a 1 GiB double[] to a file through a MessageWriter, drops it, and reads it back through a
 * MessageReader, in a JVM whose heap cannot hold two copies: it passes only if neither side ever
 * builds a second full copy of the message. Prints the time of each direction.
 */
public final class GibibyteStreamMain {
    static final int LENGTH = 1 << 27;    // doubles: 1 GiB

    public static void main(String[] args) throws Exception {
        Serializer serializer = Serializer.create(new SerializerContext().maxMessageSize(2L << 30));
        Path file = Files.createTempFile("gibibyte", ".msg");
        try {
            double[] values = new double[LENGTH];
            for (int i = 0; i < LENGTH; i++) values[i] = i;
            long start = System.nanoTime();
            try (FileChannel sink = FileChannel.open(file, StandardOpenOption.WRITE);
                 MessageWriter writer = serializer.writer(sink)) {
                writer.write(values);
            }
            long written = System.nanoTime();
            values = null;
            System.gc();
            double[] back;
            try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ);
                 MessageReader reader = serializer.reader(source)) {
                back = (double[]) reader.read();
            }
            long read = System.nanoTime();
            if (back.length != LENGTH) throw new AssertionError("length " + back.length);
            for (int i = 0; i < LENGTH; i++) {
                if (back[i] != i) throw new AssertionError("element " + i + " is " + back[i]);
            }
            System.out.printf("file %d bytes, write %.0f ms, read %.0f ms%n", Files.size(file),
                    (written - start) / 1e6, (read - written) / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
