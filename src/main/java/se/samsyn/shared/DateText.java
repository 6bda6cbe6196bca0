package se.samsyn.shared;

import java.util.regex.Pattern;

/**
 * Which message a date typed by a person gets when it cannot be read: a text written
 * {@code yyyy-MM-dd} that names no day (2026-13-01, 2026-02-30) is an invalid date
 * ({@value #INVALID_KEY}, "Ogiltigt datum …"), not a format error; anything else keeps the
 * caller's own format message. Used wherever forms and imports parse ISO dates (ISO 8601 calendar
 * dates, as the date inputs of the pages send them).
 */
public final class DateText {

    /** The message key for a well-shaped date that does not exist, in {@code i18n/messages*.properties}. */
    public static final String INVALID_KEY = "form.error.date-invalid";

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DateText() {
    }

    /**
     * The message key for a date text that failed to parse.
     *
     * @param text      the text as typed (may be null)
     * @param formatKey the caller's message key for a text that is not shaped like a date
     * @return {@link #INVALID_KEY} when the text is shaped {@code yyyy-MM-dd}, else {@code formatKey}
     */
    public static String problemKey(String text, String formatKey) {
        return text != null && SHAPE.matcher(text.strip()).matches() ? INVALID_KEY : formatKey;
    }
}
