package se.samsyn.comparison;

import java.util.Arrays;
import java.util.Optional;

/** Whether a higher value is better, a lower value is better, or neither (no colours). */
public enum Direction {
    HIGHER_BETTER("higher"), LOWER_BETTER("lower"), NEUTRAL("neutral");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Direction> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
