package cspjob.launcher.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import cspjob.launcher.node.NodeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * A command running on a node over an SSH exec channel: its stdin, stdout and stderr are the
 * channel's streams. The session's keep-alives notice a cut link; {@link #waitFor()} then
 * answers {@link NodeProcess#CONNECTION_LOST}.
 *
 * <p>{@link #close()} closes the command's input (a node agent takes that as "stop"), gives it
 * {@link #STDIN_GRACE} to end, then sends SIGTERM and, {@link #SIGNAL_GRACE} later, SIGKILL to its
 * whole process group, and finally closes the channel. The signals are sent by {@code kill} over a
 * second exec channel, not by SSH's "signal" request: OpenSSH's sshd refuses that one for root
 * logins ("session signalling requires privilege separation") and without a terminal it would
 * not reach the command's children. The process group is known because {@link SshNodes} starts
 * every command behind a one-line preamble that prints the shell's pid (the group's id: sshd makes
 * each session's shell a session leader) on stderr; {@link #start} reads that line, so the caller
 * sees only the command's own stderr.
 */
final class SshNodeProcess implements NodeProcess {
    static final Duration STDIN_GRACE = Duration.ofSeconds(2);
    static final Duration SIGNAL_GRACE = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 10;   // JSch tells of a closed channel only by polling
    // Shell convention: a command killed by signal N ends with 128 + N.
    private static final Map<String, Integer> SIGNALS = Map.ofEntries(Map.entry("HUP", 1), Map.entry("INT", 2),
            Map.entry("QUIT", 3), Map.entry("ILL", 4), Map.entry("ABRT", 6), Map.entry("FPE", 8), Map.entry("KILL", 9),
            Map.entry("USR1", 10), Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13),
            Map.entry("ALRM", 14), Map.entry("TERM", 15));

    private final String host;
    private final Session session;
    private final ChannelExec channel;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    private final long processGroup;   // 0 when the preamble did not run (then no signals can be sent)

    private SshNodeProcess(String host, Session session, ChannelExec channel, OutputStream stdin,
                           InputStream stdout, InputStream stderr, long processGroup) {
        this.host = host;
        this.session = session;
        this.channel = channel;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.processGroup = processGroup;
    }

    /** The command line that runs {@code commandLine} after printing the preamble {@link #start} reads. */
    static String withPreamble(String commandLine) {
        // /bin/sh whatever the user's login shell is, so that $$ and >&2 mean what they mean here.
        return "exec /bin/sh -c " + ShellQuoting.quote("echo " + PREAMBLE + " $$ >&2; " + commandLine);
    }

    private static final String PREAMBLE = "cspjob-process-group";

    /** Connects the channel, whose command came from {@link #withPreamble}, and returns the running command. */
    static SshNodeProcess start(String host, Session session, ChannelExec channel) throws JSchException, IOException {
        // JSch wires the streams at connect: they must be asked for before.
        OutputStream stdin = channel.getOutputStream();
        InputStream stdout = channel.getInputStream();
        InputStream stderr = channel.getErrStream();
        channel.connect();
        return new SshNodeProcess(host, session, channel, stdin, stdout, stderr, readPreamble(stderr));
    }

    // The preamble's line, read byte by byte so that nothing after it is taken from the caller.
    private static long readPreamble(InputStream stderr) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = stderr.read(); b >= 0 && b != '\n' && line.length() < 80; b = stderr.read()) {
            line.append((char) b);
        }
        String[] words = line.toString().split(" ");
        if (words.length == 2 && words[0].equals(PREAMBLE) && words[1].matches("[1-9][0-9]*")) {
            return Long.parseLong(words[1]);
        }
        return 0;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public OutputStream stdin() {
        return stdin;
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (!channel.isClosed()) {
            Thread.sleep(POLL_MILLIS);
        }
        return exitCode();
    }

    /** The exit status; 128 + N for a command killed by signal N; CONNECTION_LOST when the way there broke. */
    private int exitCode() {
        int status = channel.getExitStatus();
        if (status >= 0) {
            return status;
        }
        String signal = channel.getExitSignal();
        if (signal != null && session.isConnected()) {
            return 128 + SIGNALS.getOrDefault(signal, 127);
        }
        return CONNECTION_LOST;
    }

    /** Ends the command (see the class comment); closing an ended one again does nothing. */
    @Override
    public void close() {
        if (channel.isClosed()) {
            channel.disconnect();
            return;
        }
        try {
            stdin.close();
        } catch (IOException alreadyGone) {
            // The channel or session is closed already: nothing to tell the command.
        }
        if (!awaitClosed(STDIN_GRACE) && processGroup > 0) {
            for (String signal : new String[] {"TERM", "KILL"}) {
                if (!signalProcessGroup(signal) || awaitClosed(SIGNAL_GRACE)) {
                    break;
                }
            }
        }
        channel.disconnect();
    }

    /** Runs {@code kill -SIGNAL -GROUP} on the node; false when the session is gone. */
    private boolean signalProcessGroup(String signal) {
        try {
            ChannelExec kill = (ChannelExec) session.openChannel("exec");
            kill.setCommand("kill -" + signal + " -" + processGroup);   // its error, if the group has just ended, goes nowhere
            kill.connect(Math.toIntExact(SIGNAL_GRACE.toMillis()));   // bounded even on a link that has just been cut
            try {
                long deadline = System.nanoTime() + SIGNAL_GRACE.toNanos();
                while (!kill.isClosed() && session.isConnected() && System.nanoTime() - deadline < 0) {
                    Thread.sleep(POLL_MILLIS);
                }
            } finally {
                kill.disconnect();
            }
            return true;
        } catch (JSchException sessionGone) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean awaitClosed(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!channel.isClosed() && session.isConnected()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ssh process on " + host + (channel.isClosed() ? " (ended)" : " (running)");
    }
}
