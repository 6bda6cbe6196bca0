package se.samsyn.platform.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The {@code title} of a problem answer (RFC 9457) in the caller's language: the message
 * {@code problem.title.<status>} of the i18n bundles (Swedish in the default bundle, English in
 * {@code _en}), or the given fallback (the HTTP reason phrase) for a status without one.
 */
final class ProblemTitles {

    private ProblemTitles() {
    }

    static String title(MessageSource messages, int status, Locale locale, String fallback) {
        return messages.getMessage("problem.title." + status, null, fallback, locale);
    }
}
