package cspjob.runtime;

/**
 * What an {@link Alternation} chose: the guard that fired, its position in the list of guards, and,
 * for a {@link ChannelReader}, the value read (null for the other guards).
 *
 * <pre>{@code
 * Selected s = Alternation.priSelect(data, control, Timeout.millis(100));
 * if (s.is(data)) process(s.value());
 * else if (s.is(control)) ...
 * }</pre>
 *
 * @param index the position of the chosen guard in the list given to the alternation
 * @param guard the chosen guard
 * @param read  the value read when the guard is a reader, else null
 */
public record Selected(int index, Guard guard, Object read) {

    /** Whether {@code g} is the guard that fired (for an OutputGuard: its writer end or itself). */
    public boolean is(Object g) {
        return guard == g || (guard instanceof OutputGuard<?> out && out.writer() == g);
    }

    /** The value read, typed by the variable it is assigned to (unchecked, as a channel is untyped on the wire). */
    @SuppressWarnings("unchecked")
    public <T> T value() {
        return (T) read;
    }
}
