package se.samsyn.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values in imported files, read as people write them and nothing else: numbers as plain
 * decimals ({@code 40}, {@code -3}, {@code 12.5} or {@code 12,5}; never {@code 0x1p5}, {@code 40d},
 * {@code 1e308}, {@code NaN} or {@code Infinity}, which Java's own parsers accept), and dates as
 * ISO {@code yyyy-MM-dd} that exist in the calendar and lie in a plausible range.
 */
public final class PlainValues {

    /** The earliest date an import accepts: no record in social services predates it. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}([.,]\\d{1,10})?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private PlainValues() {
    }

    /**
     * A plain decimal, or empty when the text is not one (including blanks). At most 15 digits
     * before and 10 after the decimal point or comma, so the value is always finite.
     */
    public static Optional<BigDecimal> decimal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (!DECIMAL.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t.replace(',', '.')));
    }

    /** A plain whole number of at most 9 digits, or empty when the text is not one. */
    public static Optional<Integer> integer(String text) {
        if (text == null || !INTEGER.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(Integer.valueOf(text.trim()));
    }

    /** What is wrong with a date, if anything. */
    public enum DateProblem {
        /** Not written yyyy-MM-dd. */
        FORMAT("import.error.date-format"),
        /** Written right but no such day, like 2026-13-01 or 2026-02-30. */
        NO_SUCH_DAY("import.error.date-invalid"),
        /** Before {@link #EARLIEST} or more than a year after today. */
        OUT_OF_RANGE("import.error.date-range");

        private final String messageKey;

        DateProblem(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The message key in {@code i18n/imports*.properties}. */
        public String messageKey() {
            return messageKey;
        }
    }

    /** A date read from text, or the reason it cannot be one. Exactly one of the two is set. */
    public record DateValue(LocalDate date, DateProblem problem) {
    }

    /**
     * Reads a date written {@code yyyy-MM-dd} between {@link #EARLIEST} and a year after
     * {@code today} (both inclusive).
     */
    public static DateValue date(String text, LocalDate today) {
        String t = text == null ? "" : text.trim();
        if (!DATE_SHAPE.matcher(t).matches()) {
            return new DateValue(null, DateProblem.FORMAT);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(t, ISO);
        } catch (DateTimeParseException e) {
            return new DateValue(null, DateProblem.NO_SUCH_DAY);
        }
        if (date.isBefore(EARLIEST) || date.isAfter(today.plusYears(1))) {
            return new DateValue(null, DateProblem.OUT_OF_RANGE);
        }
        return new DateValue(date, null);
    }
}
