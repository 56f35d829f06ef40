package cspjob.launcher.nodes;

/**
 * A node list that cannot be used: the message names its source (file and line, or environment
 * variable), what is wrong, and what to do.
 */
public final class NodeListException extends RuntimeException {
    public NodeListException(String message) {
        super(message);
    }
}
