package se.samsyn.priority;

/**
 * What a group enters for a pair; the intervention is a catalogue code or free text. A pair whose
 * {@code conditionKind} is {@code population-risk} (a risk in a population, for example "older people
 * living alone with a fall risk") has a preventive activity kind ({@code activityKind}, prevention's
 * catalogue) as its intervention; {@code individual} (the default, null) is a condition of a person.
 */
public record PairDraft(String condition, String targetGroup, String interventionCode, String interventionText,
                        Benefit benefit, String benefitRationale, CostLevel cost, String costRationale,
                        Certainty certainty, String certaintyRationale, Severity severity, String severityRationale,
                        boolean statutory, String statutoryReference, String methodEntry, String guidelineEntry,
                        String conditionKind, String activityKind) {

    /** A pair about a condition of a person (the shape before population risks). */
    public PairDraft(String condition, String targetGroup, String interventionCode, String interventionText,
                     Benefit benefit, String benefitRationale, CostLevel cost, String costRationale,
                     Certainty certainty, String certaintyRationale, Severity severity, String severityRationale,
                     boolean statutory, String statutoryReference, String methodEntry, String guidelineEntry) {
        this(condition, targetGroup, interventionCode, interventionText, benefit, benefitRationale, cost, costRationale,
                certainty, certaintyRationale, severity, severityRationale, statutory, statutoryReference, methodEntry,
                guidelineEntry, null, null);
    }
}
