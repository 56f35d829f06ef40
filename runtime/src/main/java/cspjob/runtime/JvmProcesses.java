package cspjob.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The jvm process kind: each jvm process runs in a worker JVM of its own on this machine
 * ({@link Workers}), with this JVM's java, classpath and JVM flags, its output going to this JVM's.
 *
 * <p>When a jvm process's JVM ends: as soon as its process has ended and the result is back (this
 * JVM tells it to exit), or at once when this JVM goes away, so no JVM is ever left behind.
 * Channels whose home is such a JVM end with it.
 */
final class JvmProcesses {
    private static final AtomicLong IDS = new AtomicLong();

    private JvmProcesses() {
    }

    /** Runs {@code process} in a new JVM and returns its result; called on the process's own thread. */
    static Object run(CspProcess process, String name) throws Exception {
        WorkerCommand command = Workers.command("jvm-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet());
        Process jvm;
        try {
            jvm = command.processBuilder().inheritIO().start();
        } catch (IOException e) {
            Workers.forget(command.name());
            throw new UncheckedIOException("cannot start a JVM for jvm process '" + name + "': " + e.getMessage(), e);
        }
        boolean toldToExit = false;
        try {
            Worker worker = awaitReady(command.name(), jvm);
            Object result;
            try {
                result = worker.run(process, name);
            } catch (Workers.RemoteProcessException e) {
                throw whenEnded(jvm, e);
            }
            worker.exit();
            toldToExit = true;
            return result;
        } finally {
            Workers.forget(command.name());
            // A JVM that was told to exit gets a moment to do so; any other is ended now: none is left behind.
            if (!toldToExit || !jvm.waitFor(10, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
            }
        }
    }

    /** Waits for the new JVM to be ready, failing at once if it ends first. */
    private static Worker awaitReady(String worker, Process jvm) throws Exception {
        while (true) {
            try {
                return Workers.await(worker, Duration.ofMillis(100));
            } catch (TimeoutException e) {
                if (!jvm.isAlive()) {
                    throw new Workers.RemoteProcessException("its JVM (pid " + jvm.pid() + ") ended with exit code " + jvm.exitValue()
                            + " before it was ready; see its output above");
                }
            }
        }
    }

    /** A failure that came with the JVM's end says how it ended. */
    private static Exception whenEnded(Process jvm, Workers.RemoteProcessException e) throws InterruptedException {
        if (e.lost && jvm.waitFor(2, TimeUnit.SECONDS)) {
            return new Workers.RemoteProcessException("its JVM (pid " + jvm.pid() + ") ended with exit code " + jvm.exitValue()
                    + " before its process was done; see its output above");
        }
        return e;
    }
}
