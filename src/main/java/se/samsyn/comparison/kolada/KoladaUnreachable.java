package se.samsyn.comparison.kolada;

import se.samsyn.shared.DomainProblem;

/**
 * Kolada's API could not be reached or answered with an error: 502, the message key's text with
 * the base URL as its argument {0}, and the base URL as {@code baseUrl}.
 */
public class KoladaUnreachable extends DomainProblem {

    private final String baseUrl;

    KoladaUnreachable(String baseUrl, String messageKey, Throwable cause) {
        super(502, messageKey, "Kolada at " + baseUrl + " failed: " + messageKey);
        if (cause != null) {
            initCause(cause);
        }
        this.baseUrl = baseUrl;
        property("baseUrl", baseUrl);
    }

    /** The base URL of the Kolada API that failed, for example {@code https://api.kolada.se/v3}. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Object[] messageArguments() {
        return new Object[] {baseUrl};
    }
}
