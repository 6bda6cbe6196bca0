package se.samsyn.trials.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.Catalogue;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;
import se.samsyn.trials.Decision;
import se.samsyn.trials.Measure;
import se.samsyn.trials.Participant;
import se.samsyn.trials.PlanVersion;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialNotFound;
import se.samsyn.trials.TrialPlan;
import se.samsyn.trials.TrialRejected;
import se.samsyn.trials.TrialStatus;
import se.samsyn.trials.Trials;

/** {@link Trials} on {@link TrialStore}, with the plan rules and {@link TrialAccess}; every change audited. */
@Service
class TrialRegister implements Trials {

    private final TrialStore store;
    private final TrialAccess access;
    private final Catalogue catalogue;
    private final AuditTrail audit;
    private final GuideEntries guide;
    private final Clock clock;

    TrialRegister(TrialStore store, TrialAccess access, Catalogue catalogue, AuditTrail audit, GuideEntries guide,
                  Clock clock) {
        this.store = store;
        this.access = access;
        this.catalogue = catalogue;
        this.audit = audit;
        this.guide = guide;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Trial> all() {
        return store.all();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Trial> ofGuideEntry(String slug) {
        return store.ofGuideEntry(slug);
    }

    @Override
    public Map<String, String> guideEntries() {
        return guide.publishedTitles();
    }

    @Override
    @Transactional(readOnly = true)
    public Trial trial(long id) {
        return store.find(id).orElseThrow(TrialNotFound::new);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlanVersion> versions(long id) {
        return store.versions(id);
    }

    @Override
    public boolean maySetUp(Actor actor) {
        return access.maySetUp(actor);
    }

    @Override
    public boolean mayManage(Actor actor, Trial trial) {
        return access.mayManage(actor, trial);
    }

    @Override
    public boolean mayRecord(Actor actor, Trial trial) {
        return access.mayRecord(actor, trial);
    }

    @Override
    @Transactional
    public Trial create(Actor actor, TrialPlan plan) {
        if (!access.maySetUp(actor)) {
            throw new AccessDeniedException("Only managers, analysts, directors and administrators set up trials");
        }
        TrialPlan checked = checked(actor, plan);
        long id = store.insert(checked, actor.scope(), clock.instant(), actor.username());
        audited(actor, "TRIAL_CREATED", id, "version 1");
        return trial(id);
    }

    @Override
    @Transactional
    public Trial revise(Actor actor, long id, TrialPlan plan, String note) {
        Trial trial = managed(actor, id);
        if (trial.status() == TrialStatus.ENDED) {
            throw new TrialRejected(null, "trials.error.ended");
        }
        TrialPlan checked = checked(actor, plan);
        int version = trial.version();
        String kept = null;
        if (trial.status() == TrialStatus.RUNNING) {
            kept = text(note, 1000, "note");
            version++;
        }
        store.update(id, checked, version, kept, clock.instant(), actor.username());
        audited(actor, "TRIAL_PLAN_CHANGED", id, "version " + version);
        return trial(id);
    }

    @Override
    @Transactional
    public Trial start(Actor actor, long id) {
        Trial trial = managed(actor, id);
        if (trial.status() != TrialStatus.PLANNED) {
            throw new TrialRejected(null, "trials.error.not-planned");
        }
        store.status(id, TrialStatus.RUNNING);
        audited(actor, "TRIAL_STARTED", id, "version " + trial.version());
        return trial(id);
    }

    @Override
    @Transactional
    public Trial decide(Actor actor, long id, Decision decision, String rationale) {
        Trial trial = managed(actor, id);
        if (trial.status() != TrialStatus.RUNNING) {
            throw new TrialRejected(null, "trials.error.not-running");
        }
        if (decision == null) {
            throw new TrialRejected("decision", "trials.error.decision");
        }
        store.decide(id, decision, text(rationale, 4000, "rationale"), SwedishTime.today(clock));
        audited(actor, "TRIAL_DECIDED", id, decision.code());
        return trial(id);
    }

    private Trial managed(Actor actor, long id) {
        Trial trial = store.find(id).orElseThrow(TrialNotFound::new);
        if (!access.mayManage(actor, trial)) {
            throw new TrialNotFound();
        }
        return trial;
    }

    /** The plan with texts trimmed and each unit's municipality filled in; {@link TrialRejected} for the first fault. */
    private TrialPlan checked(Actor actor, TrialPlan plan) {
        String title = text(plan.title(), 200, "title");
        String question = text(plan.question(), 2000, "question");
        if (plan.toolKind() == null) {
            throw new TrialRejected("toolKind", "trials.error.toolKind");
        }
        String tool = text(plan.toolName(), 200, "toolName");
        String instrument = blankToNull(plan.instrumentCode());
        if (instrument != null && catalogue.instrument(instrument).isEmpty()) {
            throw new TrialRejected("instrumentCode", "trials.error.instrumentCode");
        }
        String entry = PlanRules.guideEntry(plan.guideEntry(), guide.publishedTitles()::containsKey);
        if (plan.period() == null) {
            throw new TrialRejected("period", "trials.error.period");
        }
        if (plan.baselineStart() == null) {
            throw new TrialRejected("baselineStart", "trials.error.baselineStart");
        }
        if (plan.start() == null || !plan.baselineStart().isBefore(plan.start())) {
            throw new TrialRejected("start", "trials.error.start");
        }
        if (plan.end() == null || plan.end().isBefore(plan.start())) {
            throw new TrialRejected("end", "trials.error.end");
        }
        List<Participant> participants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Participant p : plan.participants()) {
            Unit unit = access.unit(p.unitCode()).filter(Unit::active)
                    .orElseThrow(() -> new TrialRejected("units", "trials.error.unit-unknown"));
            if (!seen.add(unit.code())) {
                throw new TrialRejected("units", "trials.error.unit-twice");
            }
            Participant full = new Participant(unit.code(), unit.municipalityCode(), p.role());
            if (p.role() == null || !access.mayInclude(actor, full)) {
                throw new TrialRejected("units", "trials.error.unit-outside");
            }
            participants.add(full);
        }
        if (participants.stream().noneMatch(p -> p.role() == se.samsyn.trials.ParticipantRole.TRIAL)) {
            throw new TrialRejected("units", "trials.error.no-trial-unit");
        }
        if (plan.measures().isEmpty()) {
            throw new TrialRejected("measures", "trials.error.measures");
        }
        if (instrument == null && plan.measures().stream().anyMatch(Measure::fromFollowup)) {
            throw new TrialRejected("measures", "trials.error.measures-need-instrument");
        }
        return new TrialPlan(title, question, plan.toolKind(), tool, instrument, entry, plan.period(),
                plan.baselineStart(), plan.start(), plan.end(), participants,
                plan.measures().stream().distinct().toList());
    }

    static String text(String value, int max, String field) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty() || t.length() > max) {
            throw new TrialRejected(field, "trials.error." + field);
        }
        return t;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void audited(Actor actor, String action, long id, String details) {
        audit.record(AuditRecord.of(action, AuditCategory.ADMINISTRATION).actor(actor)
                .object("trial", Long.toString(id)).details(details).build());
    }
}
