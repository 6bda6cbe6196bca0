package se.samsyn.comparison;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Whether a quality indicator measures structure, process or result. */
public enum MeasureType {
    STRUCTURE("structure"), PROCESS("process"), RESULT("result");

    private final String code;

    MeasureType(String code) {
        this.code = code;
    }

    /** The lower-case code used in requests, answers (JSON) and the database, for example {@code process}. */
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<MeasureType> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
