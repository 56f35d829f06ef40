package cspjob.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line the benchmarks across JVMs share: {@code [--rounds N] [--rows FILE] [extra...]}.
 * {@code --rows} names a file that gets the result as rows of BENCHMARKS.md's table, for
 * {@link BenchmarkSuite}; anything else is left for the benchmark in {@link #extra()}.
 */
record NetBenchArgs(int rounds, Path rows, List<String> extra) {
    static NetBenchArgs parse(String[] args, String benchmark) {
        int rounds = 11;
        Path rows = null;
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, benchmark));
                case "--rows" -> rows = Path.of(value(args, ++i, benchmark));
                default -> extra.add(args[i]);
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException(benchmark + ": --rounds must be at least 1, not " + rounds);
        }
        return new NetBenchArgs(rounds, rows, extra);
    }

    private static String value(String[] args, int i, String benchmark) {
        if (i >= args.length) {
            throw new IllegalArgumentException(benchmark + ": " + args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Appends the result rows to the {@code --rows} file, if one was named. */
    void writeRows(List<String> lines) throws IOException {
        if (rows != null) {
            Files.write(rows, lines, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }
}
