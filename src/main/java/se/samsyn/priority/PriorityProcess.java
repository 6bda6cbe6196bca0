package se.samsyn.priority;

import java.time.Instant;
import java.util.List;
import se.samsyn.shared.Scope;

/**
 * A priority-setting process as stored: its scope, focus areas, mode, lifecycle status, the rule's
 * parameters, cost bands and the number of its latest published version (0 before the first).
 *
 * <p>The process owns its lifecycle (draft → consultation (remiss) → published, back from
 * consultation to draft, and from published to a new draft that becomes the next version): the
 * methods below return the moved process or refuse an illegal move with {@link PriorityRejected}
 * on the field {@code status}. They change nothing stored; the service writes what they return.
 */
public record PriorityProcess(long id, String name, Scope scope, List<String> focusAreas, String purpose, String members,
                              PriorityMode mode, ProcessStatus status, RankParameters parameters, CostBands costBands,
                              int publishedVersion, String createdBy, Instant createdAt, Instant updatedAt) {

    /** Whether the process and its pairs may be changed: not while it is published. */
    public boolean editable() {
        return status != ProcessStatus.PUBLISHED;
    }

    /**
     * Refuses any change to the process or its pairs while it is published
     * ({@code priority.error.published-locked}); a published process is changed by moving it back to
     * draft first.
     */
    public void requireEditable() {
        if (!editable()) {
            throw new PriorityRejected("status", "priority.error.published-locked");
        }
    }

    /**
     * Refuses a change to {@code newMode} that the process's pairs do not fit: back to social
     * services while a pair has a severity ({@code priority.error.mode-has-severity}), or health care
     * while a pair has none ({@code priority.error.mode-needs-severity}), both on the field
     * {@code mode}.
     */
    public void requireModeFits(PriorityMode newMode, List<Pair> pairs) {
        if (newMode != mode && newMode == PriorityMode.SOCIAL_SERVICES && pairs.stream().anyMatch(p -> p.severity() != null)) {
            throw new PriorityRejected("mode", "priority.error.mode-has-severity");
        }
        if (newMode == PriorityMode.HEALTH_CARE && pairs.stream().anyMatch(p -> p.severity() == null)) {
            throw new PriorityRejected("mode", "priority.error.mode-needs-severity");
        }
    }

    /** Whether the lifecycle allows a move from this process's status to {@code target}. */
    public boolean mayMoveTo(ProcessStatus target) {
        return switch (target) {
            case CONSULTATION -> status == ProcessStatus.DRAFT;
            case DRAFT -> status == ProcessStatus.CONSULTATION || status == ProcessStatus.PUBLISHED;
            case PUBLISHED -> status == ProcessStatus.CONSULTATION;
        };
    }

    /**
     * The process moved to {@code target} at {@code at}: {@link #sentForConsultation},
     * {@link #backToDraft} or {@link #published}, whichever the target names.
     *
     * @param pairs the process's pairs, read only when publishing
     */
    public PriorityProcess movedTo(ProcessStatus target, List<Pair> pairs, Instant at) {
        return switch (target) {
            case CONSULTATION -> sentForConsultation(at);
            case DRAFT -> backToDraft(at);
            case PUBLISHED -> published(pairs, at);
        };
    }

    /** A draft sent out for consultation (remiss); refuses any other status ({@code priority.error.transition}). */
    public PriorityProcess sentForConsultation(Instant at) {
        requireMove(ProcessStatus.CONSULTATION);
        return with(ProcessStatus.CONSULTATION, publishedVersion, at);
    }

    /**
     * Back to draft: from consultation, or from published to start the next version (the published
     * versions are kept). Refuses a draft ({@code priority.error.transition}).
     */
    public PriorityProcess backToDraft(Instant at) {
        requireMove(ProcessStatus.DRAFT);
        return with(ProcessStatus.DRAFT, publishedVersion, at);
    }

    /**
     * Published as the next version ({@code publishedVersion + 1}). Only a process out for
     * consultation can be published ({@code priority.error.transition}), and only with at least one
     * pair ({@code priority.error.no-pairs}) and a decision on every pair ({@code priority.error.undecided}).
     */
    public PriorityProcess published(List<Pair> pairs, Instant at) {
        requireMove(ProcessStatus.PUBLISHED);
        if (pairs.isEmpty()) {
            throw new PriorityRejected("status", "priority.error.no-pairs");
        }
        if (pairs.stream().anyMatch(p -> p.decision() == null)) {
            throw new PriorityRejected("status", "priority.error.undecided");
        }
        return with(ProcessStatus.PUBLISHED, publishedVersion + 1, at);
    }

    private void requireMove(ProcessStatus target) {
        if (!mayMoveTo(target)) {
            throw new PriorityRejected("status", "priority.error.transition");
        }
    }

    private PriorityProcess with(ProcessStatus newStatus, int version, Instant at) {
        return new PriorityProcess(id, name, scope, focusAreas, purpose, members, mode, newStatus, parameters, costBands,
                version, createdBy, createdAt, at);
    }
}
