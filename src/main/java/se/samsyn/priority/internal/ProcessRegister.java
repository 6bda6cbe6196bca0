package se.samsyn.priority.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.InterventionType;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.NationalOutcomes;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PracticeOutcomes;
import se.samsyn.followup.PublishedYears;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.organisation.Organisation;
import se.samsyn.priority.ListSummary;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairCriteria;
import se.samsyn.priority.PairDraft;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PracticeEvidence;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityNotFound;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.ProcessDraft;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.ProcessView;
import se.samsyn.priority.PublishedList;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.RankProposal;
import se.samsyn.priority.Recommendation;
import se.samsyn.priority.VersionDiff;
import se.samsyn.priority.VersionInfo;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * The priority-setting processes of {@link PriorityProcesses}: reads and writes through
 * {@link PriorityRepository}, checks drafts with {@link DraftRules} and access with
 * {@link PriorityAccess}, proposes with {@link RankRule}, and leaves the lifecycle to
 * {@link PriorityProcess}. Every change and decision is audited in the same transaction.
 */
@Service
class ProcessRegister implements PriorityProcesses {

    /** The follow-up instrument whose national outcomes are shown beside the research evidence. */
    static final String PRACTICE_INSTRUMENT = "who5";

    private final PriorityRepository repository;
    private final Organisation organisation;
    private final Catalogue catalogue;
    private final OutcomeReports outcomes;
    private final AuditTrail audit;
    private final Clock clock;
    private final se.samsyn.prevention.ActivityCatalogue activityKinds;
    private final se.samsyn.prevention.PreventionFigures prevention;
    private final GuideEntries guide;
    private final PracticeOutcomes practiceOutcomes;

    ProcessRegister(PriorityRepository repository, Organisation organisation, Catalogue catalogue,
                      OutcomeReports outcomes, AuditTrail audit, Clock clock,
                      se.samsyn.prevention.ActivityCatalogue activityKinds, se.samsyn.prevention.PreventionFigures prevention,
                      GuideEntries guide, PracticeOutcomes practiceOutcomes) {
        this.guide = guide;
        this.practiceOutcomes = practiceOutcomes;
        this.activityKinds = activityKinds;
        this.prevention = prevention;
        this.repository = repository;
        this.organisation = organisation;
        this.catalogue = catalogue;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Published lists, for anyone. */
    @Override
    @Transactional(readOnly = true)
    public List<ListSummary> publishedLists() {
        List<ListSummary> lists = new ArrayList<>();
        for (PriorityProcess p : repository.publishedProcesses()) {
            PublishedList list = published(p.id(), p.publishedVersion());
            lists.add(new ListSummary(p.id(), list.process().name(), p.scope(), p.mode(), list.version(),
                    list.publishedAt(), list.pairs().size()));
        }
        return lists;
    }

    /** The processes the actor may read, drafts included, most recently changed first. */
    @Override
    @Transactional(readOnly = true)
    public List<PriorityProcess> processes(Actor actor) {
        return repository.processes().stream()
                .filter(p -> PriorityAccess.mayRead(actor, p.scope(), organisation)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public ProcessView process(Actor actor, long id) {
        PriorityProcess process = readable(actor, id);
        return new ProcessView(process, views(process, repository.pairs(id)));
    }

    @Override
    @Transactional(readOnly = true)
    public PairView pair(Actor actor, long pairId) {
        Pair pair = repository.pair(pairId).orElseThrow(() -> new PriorityNotFound("pair"));
        PriorityProcess process = readable(actor, pair.processId());
        return view(process, pair, interventionNames());
    }

    @Override
    public boolean mayEdit(Actor actor, PriorityProcess process) {
        return PriorityAccess.mayEdit(actor, process.scope(), organisation);
    }

    @Override
    public boolean mayCreate(Actor actor) {
        return PriorityAccess.mayCreateAny(actor);
    }

    /** A published version, for anyone; {@code version} null means the latest. */
    @Override
    @Transactional(readOnly = true)
    public PublishedList published(long processId, Integer version) {
        PriorityProcess process = repository.process(processId).orElseThrow(() -> new PriorityNotFound("list"));
        int v = version == null ? process.publishedVersion() : version;
        if (v < 1) {
            throw new PriorityNotFound("list");
        }
        String snapshot = repository.snapshot(processId, v).orElseThrow(() -> new PriorityNotFound("version"));
        return PriorityRepository.JSON.readValue(snapshot, PublishedList.class);
    }

    @Override
    @Transactional(readOnly = true)
    public List<VersionInfo> versions(long processId) {
        repository.process(processId).orElseThrow(() -> new PriorityNotFound("list"));
        return repository.versions(processId);
    }

    /** What changed in a published version since the one before it. */
    @Override
    @Transactional(readOnly = true)
    public VersionDiff diff(long processId, int version) {
        if (version < 2) {
            throw new PriorityRejected("version", "priority.error.no-previous-version");
        }
        return VersionComparison.between(published(processId, version - 1), published(processId, version));
    }

    /** The rule's proposal for criteria under a process's parameters, without storing anything. */
    @Override
    public RankProposal propose(PriorityMode mode, PairCriteria criteria, RankParameters parameters) {
        return new RankRule(parameters).propose(mode, criteria);
    }

    /** The last completed calendar year ({@link PublishedYears#practiceOutcomes}) on today's date. */
    @Override
    public PublishedYears practicePeriod() {
        return PublishedYears.practiceOutcomes(SwedishTime.today(clock));
    }

    /** When the nation's stored outcome reports behind {@link #practice} were read; empty before the first. */
    @Override
    public Optional<Instant> practiceAsOf() {
        return outcomes.outcomesAsOf();
    }

    /**
     * National follow-up outcomes for each catalogue intervention among the pairs, over
     * {@link #practicePeriod} (a fixed calendar year, so that two days' lists cannot be subtracted),
     * read from the nation's stored outcome report of that year ({@link PracticeOutcomes#published}:
     * the intervention rows' T cells, hidden where the report hides them, so that the list and the
     * reports together publish nothing the reports do not; ADR 0015), with the gap to the research
     * certainty judged by {@link EvidenceGap}. Before the first background protection every
     * follow-up pair gets {@link PracticeEvidence.Verdict#PENDING} and no figures.
     */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, PracticeEvidence> practice(List<PairView> pairs) {
        Map<Long, PracticeEvidence> result = new LinkedHashMap<>();
        for (PairView p : pairs) {
            if (p.pair().activityKind() != null) {
                result.put(p.pair().id(), preventive(p.pair()));
            }
        }
        if (pairs.stream().noneMatch(p -> p.pair().interventionCode() != null && p.pair().activityKind() == null)) {
            return result;
        }
        PublishedYears period = practicePeriod();
        Optional<NationalOutcomes> national = catalogue.instrument(PRACTICE_INSTRUMENT).isPresent()
                ? practiceOutcomes.published(PRACTICE_INSTRUMENT, period.last())
                // without the instrument in the catalogue there are no figures, computed or not
                : Optional.of(new NationalOutcomes(period.last(), PRACTICE_INSTRUMENT, Instant.EPOCH, Map.of()));
        for (PairView p : pairs) {
            String code = p.pair().interventionCode();
            if (code == null || p.pair().activityKind() != null) {
                continue;
            }
            OutcomeReport.Cell cell = national.map(n -> n.interventions().get(code)).orElse(null);
            if (national.isEmpty()) {
                result.put(p.pair().id(), new PracticeEvidence(code, PRACTICE_INSTRUMENT, null, null, null, false,
                        PracticeEvidence.Verdict.PENDING));
            } else if (cell == null) {
                result.put(p.pair().id(), new PracticeEvidence(code, PRACTICE_INSTRUMENT, null, null, null, false,
                        PracticeEvidence.Verdict.NO_DATA));
            } else if (cell.suppressed()) {
                result.put(p.pair().id(), new PracticeEvidence(code, PRACTICE_INSTRUMENT, null, null, null, true,
                        PracticeEvidence.Verdict.WITHHELD));
            } else {
                result.put(p.pair().id(), new PracticeEvidence(code, PRACTICE_INSTRUMENT, cell.n(), cell.medianChange(),
                        cell.shareImproved(), false,
                        EvidenceGap.judge(p.pair().certainty(), cell.n(), cell.shareImproved())));
            }
        }
        return result;
    }

    /**
     * A population-risk pair's practice evidence: prevention's national reach and anonymous outcome of
     * its activity kind, the share improved judged against the research certainty as for follow-up.
     * Where prevention withholds the kind's share (under 5 pairs, none or all of 5 to 9 improved, or an
     * activity counted in it withholds its own; ADR 0015, "Preventive pairs") the pair shows ".." beside
     * the persons reached, verdict {@code WITHHELD}.
     */
    private PracticeEvidence preventive(Pair pair) {
        se.samsyn.prevention.KindEvidence e = prevention.evidence(pair.activityKind());
        se.samsyn.prevention.OutcomeSummary o = e.outcome();
        Integer reached = e.participants();
        if (o == null) {
            return new PracticeEvidence(pair.activityKind(), null, null, null, null, false,
                    e.participants() == 0 ? PracticeEvidence.Verdict.NO_DATA : PracticeEvidence.Verdict.TOO_FEW, reached);
        }
        if (o.suppressed()) {
            return new PracticeEvidence(pair.activityKind(), o.instrumentCode(), null, null, null, true,
                    PracticeEvidence.Verdict.WITHHELD, reached);
        }
        if (o.shareWithheld() || o.shareImproved() == null) {
            // the pairs shown, the share withheld: 0 % or 100 % of 5 to 9 pairs (ADR 0015)
            return new PracticeEvidence(pair.activityKind(), o.instrumentCode(), o.respondents(), null, null, false,
                    PracticeEvidence.Verdict.WITHHELD, reached);
        }
        return new PracticeEvidence(pair.activityKind(), o.instrumentCode(), o.respondents(), null, o.shareImproved(), false,
                EvidenceGap.judge(pair.certainty(), o.respondents(), o.shareImproved()), reached);
    }

    @Override
    public List<se.samsyn.prevention.ActivityKind> activityKinds() {
        return activityKinds.kinds();
    }

    @Override
    public Map<String, String> guideEntries() {
        return guide.publishedTitles();
    }

    @Override
    public List<InterventionType> interventions() {
        return catalogue.interventions();
    }

    // ---- writing ------------------------------------------------------------------------------

    @Override
    @Transactional
    public PriorityProcess create(Actor actor, ProcessDraft draft) {
        ProcessDraft d = DraftRules.process(draft, organisation::exists);
        if (!PriorityAccess.mayEdit(actor, d.scope(), organisation)) {
            throw new AccessDeniedException("The actor cannot run a process in this scope");
        }
        long id = repository.insertProcess(d, actor.username(), Instant.now(clock));
        audit(actor, "PRIORITY_PROCESS_CREATED", d.scope(), "process", String.valueOf(id), "name=" + d.name()
                + "; mode=" + d.mode().code());
        return repository.process(id).orElseThrow();
    }

    @Override
    @Transactional
    public PriorityProcess update(Actor actor, long id, ProcessDraft draft) {
        PriorityProcess process = editable(actor, id);
        ProcessDraft d = DraftRules.process(new ProcessDraft(draft.name(), process.scope(), draft.focusAreas(),
                draft.purpose(), draft.members(), draft.mode(), draft.parameters(), draft.costBands()), organisation::exists);
        process.requireModeFits(d.mode(), repository.pairs(id));
        repository.updateProcess(id, d, Instant.now(clock));
        audit(actor, "PRIORITY_PROCESS_UPDATED", process.scope(), "process", String.valueOf(id),
                "name=" + d.name() + "; mode=" + d.mode().code() + "; parameters=" + d.parameters());
        return repository.process(id).orElseThrow();
    }

    @Override
    @Transactional
    public Pair addPair(Actor actor, long processId, PairDraft draft) {
        PriorityProcess process = editable(actor, processId);
        PairDraft d = DraftRules.pair(process, draft, catalogue::hasIntervention,
                k -> activityKinds.kind(k).isPresent(), guide.publishedTitles()::containsKey);
        long id = repository.insertPair(processId, d);
        repository.touch(processId, Instant.now(clock));
        audit(actor, "PRIORITY_PAIR_ADDED", process.scope(), "pair", String.valueOf(id),
                "process=" + processId + "; " + DraftRules.describe(d));
        return repository.pair(id).orElseThrow();
    }

    @Override
    @Transactional
    public Pair updatePair(Actor actor, long pairId, PairDraft draft) {
        Pair before = repository.pair(pairId).orElseThrow(() -> new PriorityNotFound("pair"));
        PriorityProcess process = editable(actor, before.processId());
        PairDraft d = DraftRules.pair(process, draft, catalogue::hasIntervention,
                k -> activityKinds.kind(k).isPresent(), guide.publishedTitles()::containsKey);
        repository.updatePair(pairId, d);
        RankRule rule = new RankRule(process.parameters());
        Pair after = repository.pair(pairId).orElseThrow();
        if (before.decision() != null && !rule.propose(process.mode(), before.criteria()).recommendation()
                .equals(rule.propose(process.mode(), after.criteria()).recommendation())) {
            repository.clearDecision(pairId);
        }
        repository.touch(process.id(), Instant.now(clock));
        audit(actor, "PRIORITY_PAIR_UPDATED", process.scope(), "pair", String.valueOf(pairId),
                "process=" + process.id() + "; " + DraftRules.describe(d));
        return repository.pair(pairId).orElseThrow();
    }

    @Override
    @Transactional
    public void removePair(Actor actor, long pairId) {
        Pair pair = repository.pair(pairId).orElseThrow(() -> new PriorityNotFound("pair"));
        PriorityProcess process = editable(actor, pair.processId());
        repository.deletePair(pairId);
        repository.touch(process.id(), Instant.now(clock));
        audit(actor, "PRIORITY_PAIR_REMOVED", process.scope(), "pair", String.valueOf(pairId),
                "process=" + process.id() + "; condition=" + pair.condition());
    }

    /**
     * Records the group's decision. A decision that differs from the rule's proposal needs a written
     * rationale, and a statutory entitlement can never be given icke-göra.
     */
    @Override
    @Transactional
    public Pair decide(Actor actor, long pairId, String decisionCode, String rationale) {
        Pair pair = repository.pair(pairId).orElseThrow(() -> new PriorityNotFound("pair"));
        PriorityProcess process = editable(actor, pair.processId());
        Recommendation decision = Recommendation.fromCode(decisionCode)
                .orElseThrow(() -> new PriorityRejected("decision", "priority.error.decision"));
        if (pair.statutory() && decision.kind() == Recommendation.Kind.ICKE_GORA) {
            throw new PriorityRejected("decision", "priority.error.statutory-icke-gora");
        }
        RankProposal proposal = new RankRule(process.parameters()).propose(process.mode(), pair.criteria());
        String text = rationale == null ? "" : rationale.strip();
        if (!decision.equals(proposal.recommendation()) && text.isEmpty()) {
            throw new PriorityRejected("rationale", "priority.error.rationale-required");
        }
        if (text.length() > 4000) {
            throw new PriorityRejected("rationale", "priority.error.too-long");
        }
        repository.decide(pairId, decision, text.isEmpty() ? null : text, actor.username(), Instant.now(clock));
        repository.touch(process.id(), Instant.now(clock));
        audit(actor, "PRIORITY_DECIDED", process.scope(), "pair", String.valueOf(pairId),
                "process=" + process.id() + "; proposal=" + proposal.recommendation().code() + "; decision="
                        + decision.code() + (text.isEmpty() ? "" : "; rationale=" + text));
        return repository.pair(pairId).orElseThrow();
    }

    /**
     * Moves a process through its lifecycle: draft → consultation → published, back from
     * consultation to draft, and from published to a new draft (the next version). Publishing
     * needs at least one pair and a decision on every pair, and keeps the version for good.
     */
    @Override
    @Transactional
    public PriorityProcess moveTo(Actor actor, long id, ProcessStatus target) {
        PriorityProcess process = repository.processForUpdate(id).orElseThrow(() -> new PriorityNotFound("process"));
        if (!mayEdit(actor, process)) {
            throw new AccessDeniedException("The actor cannot change this process");
        }
        ProcessStatus from = process.status();
        Instant now = Instant.now(clock);
        List<Pair> pairs = target == ProcessStatus.PUBLISHED ? repository.pairs(id) : List.of();
        PriorityProcess moved = process.movedTo(target, pairs, now);
        if (moved.status() == ProcessStatus.PUBLISHED) {
            int version = moved.publishedVersion();
            PublishedList list = new PublishedList(id, version, now, actor.username(), moved, views(process, pairs));
            repository.insertVersion(id, version, now, actor.username(), PriorityRepository.JSON.writeValueAsString(list));
            audit(actor, "PRIORITY_PUBLISHED", process.scope(), "process", String.valueOf(id), "version=" + version
                    + "; pairs=" + pairs.size());
        } else {
            repository.updateStatus(id, moved.status(), now);
            audit(actor, "PRIORITY_STATUS_CHANGED", process.scope(), "process", String.valueOf(id),
                    "from=" + from.code() + "; to=" + target.code());
        }
        return repository.process(id).orElseThrow();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private PriorityProcess readable(Actor actor, long id) {
        PriorityProcess process = repository.process(id).orElseThrow(() -> new PriorityNotFound("process"));
        if (!PriorityAccess.mayRead(actor, process.scope(), organisation)) {
            throw new AccessDeniedException("The process lies outside the caller's scope");
        }
        return process;
    }

    private PriorityProcess editable(Actor actor, long id) {
        PriorityProcess process = repository.process(id).orElseThrow(() -> new PriorityNotFound("process"));
        if (!mayEdit(actor, process)) {
            throw new AccessDeniedException("The actor cannot change this process");
        }
        process.requireEditable();
        return process;
    }

    private List<PairView> views(PriorityProcess process, List<Pair> pairs) {
        Map<String, String> names = interventionNames();
        return pairs.stream().map(p -> view(process, p, names)).toList();
    }

    private PairView view(PriorityProcess process, Pair pair, Map<String, String> names) {
        String name = pair.interventionCode() == null ? pair.interventionText()
                : names.getOrDefault(pair.interventionCode(), pair.interventionCode());
        if (name == null && pair.activityKind() != null) {
            name = activityKinds.kind(pair.activityKind()).map(k -> k.nameSv()).orElse(pair.activityKind());
        }
        return new PairView(pair, name, new RankRule(process.parameters()).propose(process.mode(), pair.criteria()));
    }

    private Map<String, String> interventionNames() {
        Map<String, String> names = new HashMap<>();
        catalogue.interventions().forEach(t -> names.put(t.code(), t.nameSv()));
        return names;
    }

    private void audit(Actor actor, String action, Scope scope, String type, String id, String details) {
        AuditRecord.Builder record = AuditRecord.of(action, AuditCategory.ADMINISTRATION).actor(actor).object(type, id)
                .details(details);
        audit.record(se.samsyn.organisation.AuditPlaces.placed(organisation, record, scope).build());
    }
}
