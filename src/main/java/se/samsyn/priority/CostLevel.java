package se.samsyn.priority;

import java.util.Arrays;
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
    public String code() {
        return code;
    }

    public static Optional<CostLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code) || v.name().equals(code)).findFirst();
    }
}
