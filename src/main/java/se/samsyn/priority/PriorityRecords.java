package se.samsyn.priority;

import java.time.Instant;
import java.util.List;
import se.samsyn.shared.Scope;

/** The records priority setting takes and returns. */
public final class PriorityRecords {

    private PriorityRecords() {
    }

    /**
     * How a process defines its cost bands: the unit (for example "kr per förbättrad klient") and
     * the three limits between låg, måttlig, hög and mycket hög.
     */
    public record CostBands(String unit, List<Long> limits) {
    }

    public record Process(long id, String name, Scope scope, List<String> focusAreas, String purpose, String members,
                          PriorityMode mode, ProcessStatus status, RankParameters parameters, CostBands costBands,
                          int publishedVersion, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    /** What a group enters to create or change a process. */
    public record ProcessDraft(String name, Scope scope, List<String> focusAreas, String purpose, String members,
                               PriorityMode mode, RankParameters parameters, CostBands costBands) {
    }

    public record Pair(long id, long processId, String condition, String targetGroup, String interventionCode,
                       String interventionText, Benefit benefit, String benefitRationale, CostLevel cost,
                       String costRationale, Certainty certainty, String certaintyRationale, Severity severity,
                       String severityRationale, boolean statutory, String statutoryReference, String methodEntry,
                       String guidelineEntry, Recommendation decision, String decisionRationale, String decidedBy,
                       Instant decidedAt) {

        public PairCriteria criteria() {
            return new PairCriteria(benefit, cost, certainty, severity, statutory);
        }
    }

    /** What a group enters for a pair; the intervention is a catalogue code or free text. */
    public record PairDraft(String condition, String targetGroup, String interventionCode, String interventionText,
                            Benefit benefit, String benefitRationale, CostLevel cost, String costRationale,
                            Certainty certainty, String certaintyRationale, Severity severity, String severityRationale,
                            boolean statutory, String statutoryReference, String methodEntry, String guidelineEntry) {
    }

    /** A pair with the rule's proposal and the name of its intervention. */
    public record PairView(Pair pair, String interventionName, RankProposal proposal) {

        /** The decision when there is one, otherwise the proposal. */
        public Recommendation effective() {
            return pair.decision() != null ? pair.decision() : proposal.recommendation();
        }

        public boolean differs() {
            return pair.decision() != null && !pair.decision().equals(proposal.recommendation());
        }
    }

    /** A process with its pairs. */
    public record ProcessView(Process process, List<PairView> pairs) {
    }

    /** A published version exactly as it was published. */
    public record PublishedList(long processId, int version, Instant publishedAt, String publishedBy, Process process,
                                List<PairView> pairs) {
    }

    /** One version in a process's history. */
    public record VersionInfo(int version, Instant publishedAt, String publishedBy) {
    }

    /** A published list that anyone may read. */
    public record ListSummary(long processId, String name, Scope scope, PriorityMode mode, int version,
                              Instant publishedAt, int pairs) {
    }

    /** National practice outcomes for one intervention, beside the research certainty. */
    public record PracticeEvidence(String interventionCode, String instrumentCode, Integer clients,
                                   Double medianChange, Double shareImproved, boolean suppressed,
                                   EvidenceGap.Verdict verdict) {
    }
}
