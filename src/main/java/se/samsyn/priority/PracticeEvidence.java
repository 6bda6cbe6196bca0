package se.samsyn.priority;

/** National practice outcomes for one intervention, beside the research certainty. */
public record PracticeEvidence(String interventionCode, String instrumentCode, Integer clients,
                               Double medianChange, Double shareImproved, boolean suppressed,
                               EvidenceGap.Verdict verdict) {
}
