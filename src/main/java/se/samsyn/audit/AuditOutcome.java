package se.samsyn.audit;

/** Whether the audited attempt succeeded. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED;

    /**
     * The code in the API's requests and answers: the name in lower case with hyphens, for example
     * {@code denied}.
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant with this code ({@code success}) or name ({@code SUCCESS}, as clients and stored events
     * used before codes); {@link IllegalArgumentException} otherwise. Query parameters and JSON
     * both read with it.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static AuditOutcome of(String text) {
        for (AuditOutcome value : values()) {
            if (value.code().equals(text) || value.name().equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown audit outcome " + text);
    }
}
