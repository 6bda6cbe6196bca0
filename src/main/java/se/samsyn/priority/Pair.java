package se.samsyn.priority;

import java.time.Instant;

/** A condition–intervention pair of a process with its criteria, their rationales and the group's decision (null until decided). */
public record Pair(long id, long processId, String condition, String targetGroup, String interventionCode,
                   String interventionText, Benefit benefit, String benefitRationale, CostLevel cost,
                   String costRationale, Certainty certainty, String certaintyRationale, Severity severity,
                   String severityRationale, boolean statutory, String statutoryReference, String methodEntry,
                   String guidelineEntry, Recommendation decision, String decisionRationale, String decidedBy,
                   Instant decidedAt) {

    /** What the rule reads about this pair. */
    public PairCriteria criteria() {
        return new PairCriteria(benefit, cost, certainty, severity, statutory);
    }
}
