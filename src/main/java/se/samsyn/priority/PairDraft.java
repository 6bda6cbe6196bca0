package se.samsyn.priority;

/** What a group enters for a pair; the intervention is a catalogue code or free text. */
public record PairDraft(String condition, String targetGroup, String interventionCode, String interventionText,
                        Benefit benefit, String benefitRationale, CostLevel cost, String costRationale,
                        Certainty certainty, String certaintyRationale, Severity severity, String severityRationale,
                        boolean statutory, String statutoryReference, String methodEntry, String guidelineEntry) {
}
