package cspjob.runtime.pycsp;

/**
 * The {@code (id, i)} tuple that PyCSP's tests send: which writer sent it, and its sequence number
 * at that writer.
 */
record Msg(int id, int i) {
    @Override
    public String toString() {
        return "(" + id + ", " + i + ")";
    }
}
