package se.samsyn.priority;

import java.util.List;
import java.util.Map;
import se.samsyn.followup.InterventionType;
import se.samsyn.followup.PublishedYears;
import se.samsyn.shared.Actor;

/**
 * Priority-setting processes: the process and its pairs, the rule's proposals, the group's
 * decisions, the lifecycle draft → consultation → published (owned by {@link PriorityProcess}),
 * and the published versions, which are public. Every change and decision is audited in the same
 * transaction.
 *
 * <p>Who may do what (ADR 0007): a national analyst runs processes of the nation, a regional
 * analyst those of their region and its municipalities, a social director or municipal analyst
 * those of their own municipality; anyone whose scope lies within a process's scope, or contains
 * it, may read its drafts. A caller outside these rules gets {@code AccessDeniedException} (403).
 * A missing process, pair or version is {@link PriorityNotFound} (404); input that breaks a rule
 * is {@link PriorityRejected} (422) naming the field and a {@code priority.error.*} key.
 */
public interface PriorityProcesses {

    /** Published lists, for anyone, by name: the latest version of each with its number of pairs. */
    List<ListSummary> publishedLists();

    /** The processes the actor may read, drafts included, most recently changed first. */
    List<PriorityProcess> processes(Actor actor);

    /**
     * A process with its pairs, each with the rule's proposal under the process's parameters.
     *
     * @throws PriorityNotFound no such process
     */
    ProcessView process(Actor actor, long id);

    /**
     * One pair with the rule's proposal.
     *
     * @throws PriorityNotFound no such pair
     */
    PairView pair(Actor actor, long pairId);

    /** Whether the actor may change the process, its pairs and decisions (the scope rules above). */
    boolean mayEdit(Actor actor, PriorityProcess process);

    /** Whether the actor's role runs processes at all (in their own scope). */
    boolean mayCreate(Actor actor);

    /**
     * A published version exactly as it was published, for anyone; {@code version} null means the
     * latest.
     *
     * @throws PriorityNotFound no such process, or never published, or no such version
     */
    PublishedList published(long processId, Integer version);

    /**
     * The published versions of a process, the latest first.
     *
     * @throws PriorityNotFound no such process
     */
    List<VersionInfo> versions(long processId);

    /**
     * What changed in a published version since the one before it.
     *
     * @throws PriorityRejected {@code version} for version 1 or lower, which has nothing before it
     * @throws PriorityNotFound either version is missing
     */
    VersionDiff diff(long processId, int version);

    /**
     * The rule's proposal for criteria under the given parameters (the defaults of ADR 0007 when
     * null), without storing anything: step 7 of the national model, adapted to the mode.
     */
    RankProposal propose(PriorityMode mode, PairCriteria criteria, RankParameters parameters);

    /**
     * The period of {@link #practice}: the last completed calendar year on today's date (on any day
     * of 2026, 2025), fixed so that lists read on two days cannot be subtracted (ADR 0015).
     */
    PublishedYears practicePeriod();

    /**
     * When the national figures of {@link #practice} were read: the clients of the nation's stored
     * outcome reports, computed in the background after a change; empty before the first
     * computation, when every follow-up pair's verdict is {@link PracticeEvidence.Verdict#PENDING}.
     */
    java.util.Optional<java.time.Instant> practiceAsOf();

    /**
     * National follow-up outcomes on WHO-5 over {@link #practicePeriod} for each catalogue intervention
     * among the pairs, by pair id, with the gap to the research certainty judged as ADR 0007 says
     * (research and practice on a scale 0–3, two steps apart is a large gap, at least 20 clients).
     * The figures are those of the nation's stored outcome report of that year (each intervention
     * row's cell for all sexes), hidden ({@code suppressed}, no figures) where that report hides
     * them: too few clients, or hidden to protect another count (ADR 0015). Pairs with a free-text
     * intervention are left out; before the reports are first computed a follow-up pair has no
     * figures and the verdict {@link PracticeEvidence.Verdict#PENDING}.
     */
    Map<Long, PracticeEvidence> practice(List<PairView> pairs);

    /** The follow-up catalogue's interventions a pair can name by code. */
    List<InterventionType> interventions();

    /** Prevention's activity kinds, the interventions a population-risk pair can have (ADR 14). */
    List<se.samsyn.prevention.ActivityKind> activityKinds();

    /**
     * The knowledge-guide entries a pair may name as its method or guideline: the published ones,
     * as slug to title, iterating in title order. Pages offer them by title and show a named
     * entry's title; a pair naming any other slug is refused ({@code priority.error.guide-entry}).
     */
    Map<String, String> guideEntries();

    /**
     * Starts a process in a scope the actor may run; the draft is checked (required texts and
     * their lengths, an existing scope above the unit, known focus areas, three rising cost limits).
     *
     * @throws PriorityRejected naming the first field at fault
     */
    PriorityProcess create(Actor actor, ProcessDraft draft);

    /**
     * Changes a process that is not published (its scope stays); a change of mode is refused while
     * pairs do not fit the new mode ({@code priority.error.mode-has-severity},
     * {@code priority.error.mode-needs-severity}).
     */
    PriorityProcess update(Actor actor, long id, ProcessDraft draft);

    /**
     * Adds a condition–intervention pair with its criteria and rationales to a process that is not
     * published.
     *
     * @throws PriorityRejected naming the first field at fault
     */
    Pair addPair(Actor actor, long processId, PairDraft draft);

    /** Changes a pair; a change that changes the rule's proposal withdraws the group's decision. */
    Pair updatePair(Actor actor, long pairId, PairDraft draft);

    /** Removes a pair from a process that is not published. */
    void removePair(Actor actor, long pairId);

    /**
     * Records the group's decision, given as a code ({@code 1} … {@code 10}, {@code fou},
     * {@code icke-gora}). A decision that differs from the rule's proposal needs a written
     * rationale (at most 4 000 characters), and a statutory entitlement can never be given
     * icke-göra.
     */
    Pair decide(Actor actor, long pairId, String decisionCode, String rationale);

    /**
     * Moves a process through its lifecycle as {@link PriorityProcess#movedTo} allows: draft →
     * consultation → published, back from consultation to draft, and from published to a new draft
     * (the next version). Publishing keeps the version for good.
     *
     * @throws PriorityRejected {@code status}, for a move the lifecycle refuses
     */
    PriorityProcess moveTo(Actor actor, long id, ProcessStatus target);
}
