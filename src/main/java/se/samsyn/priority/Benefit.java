package se.samsyn.priority;

import java.util.Optional;

/** Benefit for the client (nytta), from the largest to none; the order matters to the rule. */
public enum Benefit {
    MYCKET_STOR("mycket-stor"),
    STOR("stor"),
    MATTLIG("mattlig"),
    LITEN("liten"),
    INGEN("ingen");

    private final String code;

    Benefit(String code) {
        this.code = code;
    }

    /** The code used in forms, the API and message keys. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The value for a code (or, as stored before codes were used, the constant's name); empty for anything else. */
    public static Optional<Benefit> fromCode(String code) {
        return se.samsyn.shared.Codes.find(values(), Benefit::code, code);
    }

    /**
     * Reads a code in JSON, or the constant's name as published versions stored before codes were
     * used; refuses anything else with {@link IllegalArgumentException}.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Benefit ofJson(String code) {
        return se.samsyn.shared.Codes.parse(values(), Benefit::code, code);
    }
}
