package se.samsyn.priority;

import java.util.Optional;

/** Severity of the condition (svårighetsgrad), from the most severe; health-care mode only. */
public enum Severity {
    MYCKET_STOR("mycket-stor"),
    STOR("stor"),
    MATTLIG("mattlig"),
    LITEN("liten");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    /** The code used in forms, the API and message keys. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The value for a code (or, as stored before codes were used, the constant's name); empty for anything else. */
    public static Optional<Severity> fromCode(String code) {
        return se.samsyn.shared.Codes.find(values(), Severity::code, code);
    }

    /**
     * Reads a code in JSON, or the constant's name as published versions stored before codes were
     * used; refuses anything else with {@link IllegalArgumentException}.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Severity ofJson(String code) {
        return se.samsyn.shared.Codes.parse(values(), Severity::code, code);
    }
}
