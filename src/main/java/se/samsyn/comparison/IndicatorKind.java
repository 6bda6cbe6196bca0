package se.samsyn.comparison;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The three kinds of measure in Öppna jämförelser. */
public enum IndicatorKind {
    QUALITY("quality"), WELFARE("welfare"), KEY_FIGURE("key-figure");

    private final String code;

    IndicatorKind(String code) {
        this.code = code;
    }

    /** The lower-case code used in requests, answers (JSON) and the database, for example {@code quality}. */
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<IndicatorKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
