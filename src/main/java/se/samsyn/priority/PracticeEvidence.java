package se.samsyn.priority;

/**
 * National practice outcomes for one intervention, beside the research certainty: the number of
 * clients, the median change and the share improved (percent) on the instrument, all null when
 * there are no figures or they are {@code suppressed}; and the verdict on the gap to the research
 * evidence (ADR 0007). For a population-risk pair (ADR 14) the intervention code is the activity
 * kind, {@code clients} the anonymous answer pairs, {@code reached} the persons reached nationally
 * by the kind, and the median change is null.
 */
public record PracticeEvidence(String interventionCode, String instrumentCode, Integer clients,
                               Double medianChange, Double shareImproved, boolean suppressed,
                               Verdict verdict, Integer reached) {

    /** Evidence of an individual intervention from follow-up: no preventive reach. */
    public PracticeEvidence(String interventionCode, String instrumentCode, Integer clients, Double medianChange,
                            Double shareImproved, boolean suppressed, Verdict verdict) {
        this(interventionCode, instrumentCode, clients, medianChange, shareImproved, suppressed, verdict, null);
    }

    /**
     * How practice compares with the research certainty: no figures, too few clients to judge,
     * consistent, or a large gap (two steps or more on a scale 0–3) either way; {@code PENDING}
     * while the national figures are not computed yet (before the first background computation of
     * the stored outcome reports); {@code WITHHELD} when there are figures but the disclosure control
     * hides them or the share improved beside them, so practice cannot be judged in public
     * (ADR 0015).
     */
    public enum Verdict {
        NO_DATA, TOO_FEW, CONSISTENT, PRACTICE_WEAKER, PRACTICE_STRONGER, PENDING, WITHHELD;

        /** Whether the gap is large enough to flag for the group. */
        public boolean large() {
            return this == PRACTICE_WEAKER || this == PRACTICE_STRONGER;
        }

        /** The verdict's code in the API and in message keys, for example {@code practice-weaker}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
