package se.samsyn.audit;

/** What kind of event an audit row describes. */
public enum AuditCategory {
    /** Login, logout, failures, lockouts, account and token changes. */
    SECURITY,
    /** Changes to organisation and reference data. */
    ADMINISTRATION,
    /** A read of individual-level data. */
    INDIVIDUAL_READ,
    /** A write of individual-level data. */
    INDIVIDUAL_WRITE;

    /**
     * The code in the API's requests and answers: the name in lower case with hyphens, for example
     * {@code individual-read}.
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant with this code ({@code security}) or name ({@code SECURITY}, as clients and stored events
     * used before codes); {@link IllegalArgumentException} otherwise. Query parameters and JSON
     * both read with it.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static AuditCategory of(String text) {
        for (AuditCategory value : values()) {
            if (value.code().equals(text) || value.name().equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown audit category " + text);
    }
}
