package se.samsyn.priority;

import java.util.Arrays;
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
    public String code() {
        return code;
    }

    public static Optional<Certainty> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code) || v.name().equals(code)).findFirst();
    }
}
