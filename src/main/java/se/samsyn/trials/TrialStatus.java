package se.samsyn.trials;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a trial is: planned (plan editable in place), running (plan frozen, changes are new versions), ended (decided). Answered and accepted as its lower-case code. */
public enum TrialStatus {
    PLANNED("planned"),
    RUNNING("running"),
    ENDED("ended");

    private final String code;

    TrialStatus(String code) {
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
    public static TrialStatus of(String code, String field) {
        for (TrialStatus value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new TrialRejected(field, "trials.error." + field);
    }
}
