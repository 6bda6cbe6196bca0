package se.samsyn.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one number and date format of every page and export text: thousands grouped by a no-break
 * space (U+00A0, so a number never wraps inside a table cell), decimals after a comma, counts
 * without decimals, dates as ISO {@code yyyy-MM-dd}. The rule's source is Swedish typography
 * (Språkrådet, "Svenska skrivregler": groups of three digits separated by a space, decimal comma)
 * and issue 17 point 3; English pages use the same format, so a figure reads the same in both
 * languages and in a pasted export.
 *
 * <p>Rounding is half-up on the shown digits. Null and non-finite values are shown as "-" (no
 * value), the symbol the tables' legends explain. Templates reach these through the
 * {@code @figures} bean of the platform.
 */
public final class SwedishNumbers {

    /** The grouping separator: no-break space U+00A0. */
    public static final char GROUP = '\u00a0';
    /** What a missing value is shown as. */
    public static final String NONE = "-";

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private SwedishNumbers() {
    }

    /** A count: rounded to a whole number, grouped ("4693.0" becomes "4 693"); "-" for null. */
    public static String count(Number value) {
        return decimal(value, 0);
    }

    /**
     * A decimal with exactly {@code decimals} digits after the comma, grouped
     * ("10765475.4", 1 becomes "10 765 475,4"; -0.04, 1 becomes "0,0"); "-" for null, NaN or infinity.
     *
     * @throws IllegalArgumentException if decimals is negative
     */
    public static String decimal(Number value, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be 0 or more: " + decimals);
        }
        BigDecimal exact = exact(value);
        if (exact == null) {
            return NONE;
        }
        BigDecimal rounded = exact.setScale(decimals, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = rounded.abs();
        }
        String plain = rounded.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder out = new StringBuilder();
        if (rounded.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(GROUP);
            }
            out.append(whole.charAt(i));
        }
        if (point >= 0) {
            out.append(',').append(plain.substring(point + 1));
        }
        return out.toString();
    }

    /**
     * A measured value as result tables show it: two decimals for values between -10 and 10,
     * one decimal otherwise (the precision Kolada publishes); "-" for null.
     */
    public static String value(Number value) {
        BigDecimal exact = exact(value);
        if (exact == null) {
            return NONE;
        }
        return decimal(value, exact.abs().compareTo(BigDecimal.TEN) < 0 ? 2 : 1);
    }

    /**
     * A value in its indicator's unit: counts ({@code count}) and kronor ({@code sek}) as whole
     * numbers (a count of 4693 people is never "4 693,0"), every other unit code as {@link #value(Number)}.
     */
    public static String measured(Number value, String unitCode) {
        return "count".equals(unitCode) || "sek".equals(unitCode) ? count(value) : value(value);
    }

    /** A share in per cent with one decimal and the per-cent sign after a no-break space ("4,1 %"); "-" for null. */
    public static String percent(Number value) {
        return exact(value) == null ? NONE : decimal(value, 1) + GROUP + "%";
    }

    /** A calendar date as {@code yyyy-MM-dd}; "-" for null. */
    public static String date(LocalDate date) {
        return date == null ? NONE : ISO_DATE.format(date);
    }

    private static BigDecimal exact(Number value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal big) {
            return big;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return BigDecimal.valueOf(value.longValue());
    }
}
