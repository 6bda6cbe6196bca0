package se.samsyn.trials;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a trial measures. Burden: minutes per use, raw NASA-TLX workload (0-100) and the share of answers saying the tool helped. Use, computed from follow-up: reach (per cent of the unit's clients with an open episode who were measured with the instrument), record completeness (per cent of required record parts filled), measurements yielded (a count) and outcome change (mean follow-up minus baseline score). Answered and accepted as its lower-case code. */
public enum Measure {
    MINUTES("minutes"),
    WORKLOAD("workload"),
    HELPED("helped"),
    REACH("reach"),
    COMPLETENESS("completeness"),
    MEASUREMENTS("measurements"),
    OUTCOME_CHANGE("outcome-change");

    private final String code;

    Measure(String code) {
        this.code = code;
    }

    /** The lower-case code used in forms, the API and message keys. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Whether the measure is computed from follow-up data (and so needs the trial's instrument). */
    public boolean fromFollowup() {
        return this == REACH || this == COMPLETENESS || this == MEASUREMENTS || this == OUTCOME_CHANGE;
    }

    /** Whether the measure comes from the anonymous ratings, shown only in groups of the configured minimum. */
    public boolean fromRatings() {
        return this == WORKLOAD || this == HELPED;
    }

    /** Whether a lower value is better (minutes, workload), for the wording of a signal. */
    public boolean lowerIsBetter() {
        return this == MINUTES || this == WORKLOAD;
    }

    /**
     * The value with this code.
     *
     * @throws TrialRejected naming {@code field} when the code is null or unknown
     */
    public static Measure of(String code, String field) {
        for (Measure value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new TrialRejected(field, "trials.error." + field);
    }
}
