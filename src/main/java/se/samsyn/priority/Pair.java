package se.samsyn.priority;

import java.time.Instant;

/**
 * A condition–intervention pair of a process with its criteria, their rationales and the group's
 * decision (null until decided). {@code conditionKind} is {@code individual} or {@code population-risk};
 * a population-risk pair's intervention is the preventive activity kind {@code activityKind} (ADR 14).
 */
public record Pair(long id, long processId, String condition, String targetGroup, String interventionCode,
                   String interventionText, Benefit benefit, String benefitRationale, CostLevel cost,
                   String costRationale, Certainty certainty, String certaintyRationale, Severity severity,
                   String severityRationale, boolean statutory, String statutoryReference, String methodEntry,
                   String guidelineEntry, Recommendation decision, String decisionRationale, String decidedBy,
                   Instant decidedAt,
                   String conditionKind, String activityKind) {

    /** A pair about a condition of a person (the shape before population risks). */
    public Pair(long id, long processId, String condition, String targetGroup, String interventionCode,
                String interventionText, Benefit benefit, String benefitRationale, CostLevel cost,
                String costRationale, Certainty certainty, String certaintyRationale, Severity severity,
                String severityRationale, boolean statutory, String statutoryReference, String methodEntry,
                String guidelineEntry, Recommendation decision, String decisionRationale, String decidedBy,
                Instant decidedAt) {
        this(id, processId, condition, targetGroup, interventionCode, interventionText, benefit, benefitRationale, cost,
                costRationale, certainty, certaintyRationale, severity, severityRationale, statutory, statutoryReference,
                methodEntry, guidelineEntry, decision, decisionRationale, decidedBy, decidedAt, "individual", null);
    }


    /** What the rule reads about this pair. */
    public PairCriteria criteria() {
        return new PairCriteria(benefit, cost, certainty, severity, statutory);
    }
}
