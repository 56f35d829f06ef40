package cspjob.results.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** Axis numbers with SI prefixes, as a reader of seed 000's charts expects: 1, 10k, 2.5M, 1G, 0.5m. */
final class SiNumberFormat extends NumberFormat {
    private static final String[] BIG = {"", "k", "M", "G", "T", "P", "E"};
    private static final String[] SMALL = {"", "m", "µ", "n", "p"};

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
        return to.append(si(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
        return to.append(si((double) number));
    }

    @Override
    public Number parse(String source, ParsePosition position) {
        throw new UnsupportedOperationException("axis labels are only written");
    }

    static String si(double number) {
        if (number == 0 || Double.isNaN(number) || Double.isInfinite(number)) {
            return number == 0 ? "0" : Double.toString(number);
        }
        double magnitude = Math.abs(number);
        int step = (int) Math.floor(Math.log10(magnitude) / 3);
        step = Math.max(-(SMALL.length - 1), Math.min(BIG.length - 1, step));
        String digits = String.format(Locale.ROOT, "%.3g", number / Math.pow(1000, step));
        // Rounding can carry 999.95 up to 1000: then write it with the next prefix.
        if (Math.abs(Double.parseDouble(digits)) >= 1000 && step < BIG.length - 1) {
            step++;
            digits = String.format(Locale.ROOT, "%.3g", number / Math.pow(1000, step));
        }
        return trim(digits) + (step >= 0 ? BIG[step] : SMALL[-step]);
    }

    private static String trim(String digits) {
        if (digits.contains("e") || digits.contains("E")) {
            return digits;
        }
        return digits.contains(".") ? digits.replaceAll("0+$", "").replaceAll("\\.$", "") : digits;
    }
}
