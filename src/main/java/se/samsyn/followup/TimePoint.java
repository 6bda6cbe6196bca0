package se.samsyn.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** When an outcome is measured. */
public enum TimePoint {
    BASELINE("baseline"), FOLLOWUP_6M("followup-6m"), FOLLOWUP_12M("followup-12m"), END("end");

    private final String code;

    TimePoint(String code) {
        this.code = code;
    }

    /** The code used in import files, the API (requests and answers) and the database. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "time-point." + code;
    }

    public static Optional<TimePoint> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
