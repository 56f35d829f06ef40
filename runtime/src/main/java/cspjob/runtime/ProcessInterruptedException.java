package cspjob.runtime;

import java.util.Arrays;

/**
 * The thread of a process was interrupted while it waited in a channel operation or an alternation;
 * the operation was withdrawn (nothing was read or written) and the thread's interrupt status is set.
 */
public class ProcessInterruptedException extends RuntimeException {

    ProcessInterruptedException(Object waitingFor) {
        super("interrupted while waiting on " + describe(waitingFor) + "; the operation was withdrawn");
    }

    private static String describe(Object waitingFor) {
        if (waitingFor instanceof Channel<?> channel) {
            return "channel '" + channel.name() + "'";
        }
        if (waitingFor instanceof Guard[] guards) {
            return "an alternation over " + Arrays.toString(guards);
        }
        return String.valueOf(waitingFor);
    }
}
