package se.samsyn.priority;

import java.util.Optional;

/** Cost relative to benefit, from the cheapest; each process defines the bands in its own unit. */
public enum CostLevel {
    LAG("lag"),
    MATTLIG("mattlig"),
    HOG("hog"),
    MYCKET_HOG("mycket-hog");

    private final String code;

    CostLevel(String code) {
        this.code = code;
    }

    /** The code used in forms, the API and message keys. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The value for a code (or, as stored before codes were used, the constant's name); empty for anything else. */
    public static Optional<CostLevel> fromCode(String code) {
        return se.samsyn.shared.Codes.find(values(), CostLevel::code, code);
    }

    /**
     * Reads a code in JSON, or the constant's name as published versions stored before codes were
     * used; refuses anything else with {@link IllegalArgumentException}.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static CostLevel ofJson(String code) {
        return se.samsyn.shared.Codes.parse(values(), CostLevel::code, code);
    }
}
