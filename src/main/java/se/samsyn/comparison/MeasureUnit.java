package se.samsyn.comparison;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The unit an indicator's value is expressed in. */
public enum MeasureUnit {
    PERCENT("percent"), PER_1000("per-1000"), DAYS("days"), SEK("sek"), COUNT("count"), SCORE("score");

    private final String code;

    MeasureUnit(String code) {
        this.code = code;
    }

    /** The lower-case code used in requests, answers (JSON) and the database, for example {@code percent}. */
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<MeasureUnit> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
