package cspjob.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Linux scheduler says about a set of JVMs, summed over all their threads
 * ({@code /proc/PID/task/TID/schedstat}): nanoseconds run on a CPU, nanoseconds spent ready but
 * waiting for a CPU, and timeslices (each a thread put on a CPU, so about one per wake-up). The
 * difference of two snapshots, divided by the messages sent between them, tells where a message's
 * time goes on a busy machine. Zero everywhere where /proc has no schedstat (not Linux).
 */
record SchedStats(long runNanos, long waitNanos, long slices) {
    static final SchedStats NONE = new SchedStats(0, 0, 0);

    /** This JVM and every JVM it started (its jvm processes). */
    static SchedStats ofJob() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        SchedStats sum = NONE;
        for (long pid : pids) {
            sum = sum.plus(of(pid));
        }
        return sum;
    }

    static SchedStats of(long pid) {
        long run = 0;
        long wait = 0;
        long slices = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String[] f = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
                    run += Long.parseLong(f[0]);
                    wait += Long.parseLong(f[1]);
                    slices += Long.parseLong(f[2]);
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return NONE;
        }
        return new SchedStats(run, wait, slices);
    }

    SchedStats plus(SchedStats o) {
        return new SchedStats(runNanos + o.runNanos, waitNanos + o.waitNanos, slices + o.slices);
    }

    SchedStats minus(SchedStats o) {
        return new SchedStats(runNanos - o.runNanos, waitNanos - o.waitNanos, slices - o.slices);
    }

    /** Per message: CPU us, us waiting for a CPU, timeslices. */
    String per(long messages) {
        return String.format("%.1f us on a CPU, %.1f us waiting for one, %.1f timeslices", runNanos / 1e3 / messages,
                waitNanos / 1e3 / messages, slices / (double) messages);
    }
}
