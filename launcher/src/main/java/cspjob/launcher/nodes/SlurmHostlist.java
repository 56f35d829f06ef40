package cspjob.launcher.nodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands Slurm's compressed host lists ({@code $SLURM_JOB_NODELIST}), as {@code scontrol show
 * hostnames} does: {@code n[01-03,7],login} is {@code n01 n02 n03 n7 login}. A range keeps the
 * zero padding of its first number; a name may hold several bracket groups, which expand as a
 * product with the leftmost varying slowest ({@code r[1-2]n[1-2]} is {@code r1n1 r1n2 r2n1 r2n2}),
 * as Slurm does for multi-dimensional names.
 */
public final class SlurmHostlist {
    /** More hosts than any cluster has: a list that expands past this is a typo, not an allocation. */
    static final int MAX_HOSTS = 1 << 20;

    private SlurmHostlist() {
    }

    /**
     * Expands {@code list}; {@code source} names it in messages.
     *
     * @throws NodeListException naming the source, the bad part and its position
     */
    public static List<String> expand(String list, String source) {
        List<String> hosts = new ArrayList<>();
        for (String name : splitOutsideBrackets(list, source)) {
            List<String> expanded = List.of("");
            int at = 0;
            while (at < name.length()) {
                int open = name.indexOf('[', at);
                if (open < 0) {
                    expanded = append(expanded, List.of(name.substring(at)));
                    break;
                }
                int close = name.indexOf(']', open);
                expanded = append(expanded, List.of(name.substring(at, open)));
                expanded = append(expanded, ranges(name.substring(open + 1, close), name, source));
                if (hosts.size() + expanded.size() > MAX_HOSTS) {
                    throw new NodeListException(source + ": '" + list + "' expands to more than " + MAX_HOSTS + " hosts; check the ranges");
                }
                at = close + 1;
            }
            for (String host : expanded) {
                if (host.isEmpty() || host.indexOf(']') >= 0) {
                    throw new NodeListException(source + ": '" + name + "' in '" + list + "' is not a host name or a Slurm range like n[01-04]");
                }
            }
            hosts.addAll(expanded);
        }
        return hosts;
    }

    /** The host names of a list, split at commas outside brackets; brackets must pair up. */
    private static List<String> splitOutsideBrackets(String list, String source) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            if (depth < 0 || depth > 1) {
                throw new NodeListException(source + ": '" + list + "' has a misplaced '" + c + "' at position " + (i + 1));
            }
            if (c == ',' && depth == 0) {
                names.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new NodeListException(source + ": '" + list + "' has a '[' that is never closed");
        }
        names.add(list.substring(start).strip());
        for (String name : names) {
            if (name.isEmpty()) {
                throw new NodeListException(source + ": '" + list + "' has an empty host name (two commas in a row, or one at an end)");
            }
        }
        return names;
    }

    /** {@code 01-03,7} as {@code 01 02 03 7}. */
    private static List<String> ranges(String inside, String name, String source) {
        List<String> numbers = new ArrayList<>();
        for (String range : inside.split(",", -1)) {
            String[] bounds = range.strip().split("-", -1);
            if (bounds.length > 2 || !digits(bounds[0]) || (bounds.length == 2 && !digits(bounds[1]))) {
                throw new NodeListException(source + ": '" + range + "' in '" + name + "' is not a number or a range like 01-04");
            }
            long low = Long.parseLong(bounds[0]);
            long high = bounds.length == 2 ? Long.parseLong(bounds[1]) : low;
            if (high < low) {
                throw new NodeListException(source + ": the range '" + range + "' in '" + name + "' runs backwards");
            }
            if (high - low >= MAX_HOSTS) {
                throw new NodeListException(source + ": '" + name + "' expands to more than " + MAX_HOSTS + " hosts; check the ranges");
            }
            int width = bounds[0].length();
            for (long n = low; n <= high; n++) {
                numbers.add(pad(n, width));
            }
        }
        return numbers;
    }

    private static List<String> append(List<String> prefixes, List<String> parts) {
        List<String> joined = new ArrayList<>(prefixes.size() * parts.size());
        for (String prefix : prefixes) {
            for (String part : parts) {
                joined.add(prefix + part);
            }
        }
        return joined;
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9') && text.length() <= 18;
    }

    private static String pad(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
