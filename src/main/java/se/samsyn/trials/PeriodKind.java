package se.samsyn.trials;

import com.fasterxml.jackson.annotation.JsonValue;

/** The period of a trial's run charts: calendar weeks (Monday first, ISO) or calendar months. Answered and accepted as its lower-case code. */
public enum PeriodKind {
    WEEK("week"),
    MONTH("month");

    private final String code;

    PeriodKind(String code) {
        this.code = code;
    }

    /** The lower-case code used in forms, the API and message keys. */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * The value with this code.
     *
     * @throws TrialRejected naming {@code field} when the code is null or unknown
     */
    public static PeriodKind of(String code, String field) {
        for (PeriodKind value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new TrialRejected(field, "trials.error." + field);
    }
}
