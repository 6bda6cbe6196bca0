package se.samsyn.trials;

import com.fasterxml.jackson.annotation.JsonValue;

/** A participating unit either uses the tool (trial) or is a comparison unit that does not. Answered and accepted as its lower-case code. */
public enum ParticipantRole {
    TRIAL("trial"),
    COMPARISON("comparison");

    private final String code;

    ParticipantRole(String code) {
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
    public static ParticipantRole of(String code, String field) {
        for (ParticipantRole value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new TrialRejected(field, "trials.error." + field);
    }
}
