package se.samsyn.comparison.kolada;

/** Kolada's API could not be reached or answered with an error. */
public class KoladaUnreachable extends RuntimeException {

    private final String baseUrl;
    private final String messageKey;

    KoladaUnreachable(String baseUrl, String messageKey, Throwable cause) {
        super("Kolada at " + baseUrl + " failed: " + messageKey, cause);
        this.baseUrl = baseUrl;
        this.messageKey = messageKey;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String messageKey() {
        return messageKey;
    }
}
