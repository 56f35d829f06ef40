package cspjob.launcher.ranks;

/**
 * Why a job's ranks stopped it: a message naming the rank and host (or the node), and the exit
 * code the job ends with.
 */
public record RankFailure(String message, int exitCode) {

    /** A rank that ended by itself with a non-zero code. */
    static RankFailure exited(int rank, String host, int code) {
        String how = code > 128 && code < 160
                ? "was killed by signal " + (code - 128) + " (exit code " + code + ")"
                : "exited with code " + code;
        return new RankFailure("rank " + rank + " on " + host + " " + how, code);
    }
}
