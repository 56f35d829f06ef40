package cspjob.serializers;

/** Reads sizes such as {@code 512k}, {@code 1m} or {@code 2g} (powers of 1024) from system properties. */
final class Sizes {
    private Sizes() {
    }

    static long property(String name, long defaultValue) {
        String text = System.getProperty(name);
        return text == null ? defaultValue : parse(name, text);
    }

    static long parse(String name, String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> { }
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("-D" + name + "=" + text + " is not a size such as 65536, 512k, 1m or 2g");
        }
    }
}
