package cspjob.results;

/** A run folder that is missing, is not a run folder, or holds a damaged file; the message names the file. */
public final class RunFolderException extends RuntimeException {
    public RunFolderException(String message) {
        super(message);
    }

    public RunFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
