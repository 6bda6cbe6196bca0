package se.samsyn.trials;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of support tool a trial tries: an instrument in follow-up, a documentation template, a method from the knowledge guide, or a named digital tool. Answered and accepted as its lower-case code. */
public enum ToolKind {
    INSTRUMENT("instrument"),
    TEMPLATE("template"),
    METHOD("method"),
    DIGITAL_TOOL("digital-tool");

    private final String code;

    ToolKind(String code) {
        this.code = code;
    }

    /** The lower-case code used in forms, the API and message keys. */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * The value with this code.
     *
     * @throws TrialRejected naming {@code field} when the code is null or unknown
     */
    public static ToolKind of(String code, String field) {
        for (ToolKind value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new TrialRejected(field, "trials.error." + field);
    }
}
