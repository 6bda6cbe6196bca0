package se.samsyn.trials;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a trial ends (issue 15): roll the tool out, adapt it and try again, or stop using it. Answered and accepted as its lower-case code. */
public enum Decision {
    ROLL_OUT("roll-out"),
    ADAPT("adapt"),
    STOP("stop");

    private final String code;

    Decision(String code) {
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
    public static Decision of(String code, String field) {
        for (Decision value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new TrialRejected(field, "trials.error." + field);
    }
}
