package cspjob.benchmarks.serializers;

import cspjob.serializers.Serializer;
import cspjob.serializers.SerializerContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bulk-transfer benchmark run so that its peers see the same machine: for each array type and
 * size, the three methods (cspjob, raw copy, ObjectOutputStream) take turns sample by sample, and
 * the result is the median of each method and the median of the per-round ratios to the raw copy.
 * On a shared machine, where other work comes and goes, this gives ratios that JMH's one-method-
 * after-another order cannot. Run with the project's JVM flags:
 *
 * <pre>
 * java $(source bin/lib.sh; jvm_flags) -Xmx8g -cp benchmarks/target/benchmarks.jar \
 *     cspjob.benchmarks.serializers.InterleavedTransfer [rounds] [sizes...]
 * </pre>
 */
public final class InterleavedTransfer {
    static final long SAMPLE_BYTES = 64L << 20;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        long[] sizes = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray()
                : new long[] {1L << 10, 64L << 10, 1L << 20, 16L << 20, 100L << 20, 1L << 30};
        Serializer serializer = Serializer.create(new SerializerContext().maxMessageSize(2L << 30));
        List<TransferMethod> methods = List.of(TransferMethod.cspjob(serializer), TransferMethod.raw(),
                TransferMethod.objectOutputStream());
        System.out.printf("%-9s %11s %14s %14s %14s %10s %10s%n", "type", "size", "cspjob MB/s", "raw MB/s",
                "OOS MB/s", "cspjob/raw", "OOS/raw");
        for (String type : List.of("byte[]", "double[]")) {
            for (long size : sizes) {
                Object payload = type.equals("byte[]") ? new byte[(int) size] : new double[(int) (size / 8)];
                if (payload instanceof double[] d) for (int i = 0; i < d.length; i++) d[i] = i;
                byte[] raw = payload instanceof byte[] b ? b : new byte[(int) size];
                int count = (int) Math.max(1, SAMPLE_BYTES / size);
                int warmups = size >= (100L << 20) ? 2 : 5;
                double[][] rates = new double[methods.size()][rounds];
                for (int round = -warmups; round < rounds; round++) {
                    for (int k = 0; k < methods.size(); k++) {
                        int m = Math.floorMod(k + round, methods.size());       // rotate who goes first
                        long start = System.nanoTime();
                        methods.get(m).transfer(payload, raw, count);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        if (round >= 0) rates[m][round] = count * (double) size / seconds / 1e6;
                    }
                }
                double[] ratioOurs = new double[rounds];
                double[] ratioOos = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratioOurs[r] = rates[0][r] / rates[1][r];
                    ratioOos[r] = rates[2][r] / rates[1][r];
                }
                System.out.printf("%-9s %11d %14.0f %14.0f %14.0f %10.2f %10.2f%n", type, size, median(rates[0]),
                        median(rates[1]), median(rates[2]), median(ratioOurs), median(ratioOos));
                payload = null;
                raw = null;
                System.gc();
            }
        }
        List<TransferMethod> all = new ArrayList<>(methods);
        all.forEach(TransferMethod::uncheckedClose);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
