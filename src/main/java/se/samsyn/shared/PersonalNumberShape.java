package se.samsyn.shared;

import java.util.regex.Pattern;

/**
 * Text that is shaped like a Swedish personal identity number (personnummer) or coordination
 * number: a run of exactly 10 or 12 ASCII digits, optionally with one '-' or '+' before the last
 * four ({@code ÅÅMMDDNNNK}, {@code ÅÅMMDD-NNNK}, {@code ÅÅÅÅMMDDNNNK}, {@code ÅÅÅÅMMDD-NNNK} and the
 * '+' forms, the written forms Skatteverket lists, see {@code followup.PersonalIdentityNumber}),
 * not part of a longer run of digits.
 *
 * <p>The shape alone decides, deliberately without the date or check-digit rules: a mistyped
 * number is still personal data, so it must not reach a URL, an audit row or a log line either
 * (issue 12 point 3). The validating parser stays {@code followup.PersonalIdentityNumber}, with
 * the project's only Luhn code.
 */
public final class PersonalNumberShape {

    /** What a number-shaped run is replaced with in masked text. */
    public static final String MASK = "[personnummer]";

    private static final Pattern SHAPE = Pattern.compile(
            "(?<![0-9])(?:[0-9]{8}[-+]?[0-9]{4}|[0-9]{6}[-+]?[0-9]{4})(?![0-9])");

    /**
     * A hexadecimal digest (a hash such as the audit chain's SHA-256 head): 32 or more hex digits,
     * not part of a longer run of letters and digits. Its digit runs are no personal data, and
     * masking one would make the digest useless (the log line may be the chain head's only copy).
     */
    private static final Pattern DIGEST = Pattern.compile("(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])");

    private PersonalNumberShape() {
    }

    /** Whether the text holds a run shaped like a personal identity number; false for null. */
    public static boolean foundIn(CharSequence text) {
        return text != null && SHAPE.matcher(text).find();
    }

    /**
     * The text with every number-shaped run replaced by {@link #MASK}, except inside a
     * hexadecimal digest of 32 or more hex digits standing alone (a hash is kept whole; a run of
     * that length glued to a number is the known price); null stays null. {@link #foundIn} has no
     * such exception: a URL or parameter holding a digest-like run is refused all the same.
     */
    public static String masked(String text) {
        if (text == null || !foundIn(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        java.util.regex.Matcher digest = DIGEST.matcher(text);
        int from = 0;
        while (digest.find()) {
            out.append(maskedRuns(text.substring(from, digest.start()))).append(digest.group());
            from = digest.end();
        }
        return out.append(maskedRuns(text.substring(from))).toString();
    }

    private static String maskedRuns(String text) {
        return SHAPE.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(MASK));
    }
}
