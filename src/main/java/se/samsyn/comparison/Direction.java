package se.samsyn.comparison;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Whether a higher value is better, a lower value is better, or neither (no colours). */
public enum Direction {
    HIGHER_BETTER("higher"), LOWER_BETTER("lower"), NEUTRAL("neutral");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The lower-case code used in requests, answers (JSON) and the database, for example {@code higher}. */
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Direction> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
