package se.samsyn.priority;

import java.util.Optional;

/** Certainty of the research evidence (GRADE), from the strongest, or missing altogether. */
public enum Certainty {
    HOG("hog"),
    MATTLIG("mattlig"),
    LAG("lag"),
    MYCKET_LAG("mycket-lag"),
    SAKNAS("saknas");

    private final String code;

    Certainty(String code) {
        this.code = code;
    }

    /** The code used in forms, the API and message keys. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The value for a code (or, as stored before codes were used, the constant's name); empty for anything else. */
    public static Optional<Certainty> fromCode(String code) {
        return se.samsyn.shared.Codes.find(values(), Certainty::code, code);
    }

    /**
     * Reads a code in JSON, or the constant's name as published versions stored before codes were
     * used; refuses anything else with {@link IllegalArgumentException}.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Certainty ofJson(String code) {
        return se.samsyn.shared.Codes.parse(values(), Certainty::code, code);
    }
}
