package se.samsyn.prevention.internal;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.RowProblems;
import se.samsyn.imports.RowSource;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.Unit;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.ActivityCatalogue;
import se.samsyn.prevention.ActivityDraft;
import se.samsyn.prevention.ActivityNotFound;
import se.samsyn.prevention.OutcomeSummary;
import se.samsyn.prevention.PreventionChanged;
import se.samsyn.prevention.PreventionRejected;
import se.samsyn.prevention.PreventiveActivities;
import se.samsyn.prevention.Questionnaire;
import se.samsyn.prevention.ReachRow;
import se.samsyn.prevention.ReachSummary;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * The preventive activities of units, their reach and their anonymous answers (ADR 14): the
 * permissions of {@link PreventionAccess}, the rules of {@link ActivityRules} and {@link ReachRowRule},
 * the SQL of {@link ActivityStore}; every write audited in its transaction and announced.
 */
@Service
@Transactional
class ActivityRegister implements PreventiveActivities {

    private static final TabularFile FILE = new TabularFile(IMPORT_COLUMNS, false);

    private final ActivityStore store;
    private final PreventionAccess access;
    private final ActivityCatalogue catalogue;
    private final TargetPopulation population;
    private final ImportPipeline pipeline;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityRegister(ActivityStore store, PreventionAccess access, ActivityCatalogue catalogue, TargetPopulation population,
                     ImportPipeline pipeline, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.access = access;
        this.catalogue = catalogue;
        this.population = population;
        this.pipeline = pipeline;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Activity> activities(Actor actor) {
        return store.all().stream().filter(a -> access.maySee(actor, a)).toList();
    }

    @Override
    public List<String> recordingUnits(Actor actor) {
        return access.recordingUnits(actor);
    }

    @Override
    public boolean mayRecord(Actor actor, Activity activity) {
        return PreventionAccess.mayRecord(actor, activity.unitCode());
    }

    @Override
    @Transactional(readOnly = true)
    public Activity activity(Actor actor, long id) {
        Activity activity = store.find(id).orElseThrow(ActivityNotFound::new);
        if (!access.maySee(actor, activity)) {
            throw new ActivityNotFound();
        }
        return activity;
    }

    private Activity recordable(Actor actor, long id) {
        Activity activity = activity(actor, id);
        if (!PreventionAccess.mayRecord(actor, activity.unitCode())) {
            throw new ActivityNotFound();
        }
        return activity;
    }

    @Override
    public Activity create(Actor actor, ActivityDraft draft) {
        if (draft == null || !access.recordingUnits(actor).contains(draft.unitCode())) {
            throw new ActivityNotFound();
        }
        Unit unit = access.organisation().unit(draft.unitCode()).orElseThrow(ActivityNotFound::new);
        ActivityDraft checked = ActivityRules.check(draft, catalogue, SwedishTime.today(clock));
        long id = store.insert(unit.municipalityCode(), checked, clock.instant(), actor.username());
        audit.record(AuditRecord.of("PREVENTION_ACTIVITY_CREATED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("preventive-activity", String.valueOf(id)).municipality(unit.municipalityCode()).unit(unit.code())
                .details("kind=" + checked.kindCode()).build());
        return store.find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public ReachSummary reach(Actor actor, long id) {
        Activity activity = activity(actor, id);
        List<ReachRow> rows = store.reach(id);
        Map<YearMonth, int[]> months = new TreeMap<>();
        Map<Integer, int[]> years = new TreeMap<>();
        for (ReachRow r : rows) {
            int[] m = months.computeIfAbsent(r.month(), k -> new int[2]);
            m[0] += r.participants();
            m[1] += r.contacts();
            int[] y = years.computeIfAbsent(r.month().getYear(), k -> new int[2]);
            y[0] += r.participants();
            y[1] += r.contacts();
        }
        List<ReachSummary.Month> monthList = new ArrayList<>();
        months.forEach((m, c) -> monthList.add(new ReachSummary.Month(m, c[0], c[1])));
        List<ReachSummary.Year> yearList = new ArrayList<>();
        years.forEach((y, c) -> {
            Integer persons = null;
            Integer from = null;
            if (!activity.targetBands().isEmpty()) {
                TargetPopulation.Figure f = population.of(activity, y).orElse(null);
                if (f != null) {
                    persons = f.persons();
                    from = f.year();
                }
            } else {
                persons = activity.estimatedSize();
            }
            Double per1000 = persons == null || persons == 0 ? null : 1000.0 * c[0] / persons;
            yearList.add(new ReachSummary.Year(y, c[0], c[1], persons, from, per1000));
        });
        return new ReachSummary(rows, monthList, yearList);
    }

    @Override
    public void recordReach(Actor actor, long id, YearMonth month, List<ReachRow> rows) {
        Activity activity = recordable(actor, id);
        Map<String, ReachRow> stored = store.reachByKey(id);
        int changed = 0;
        for (ReachRow row : rows) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("month", String.valueOf(month));
            values.put("sex", row.sex());
            values.put("age_band", row.ageBand());
            values.put("participants", String.valueOf(row.participants()));
            values.put("contacts", String.valueOf(row.contacts()));
            FormProblems problems = new FormProblems();
            ReachRow checked = ReachRowRule.check(values, activity, SwedishTime.today(clock), problems);
            problems.throwFirst();
            ReachRow earlier = stored.get(ActivityStore.key(checked));
            if (earlier == null && checked.participants() == 0 && checked.contacts() == 0) {
                continue;
            }
            if (!"unchanged".equals(store.save(id, checked, earlier, clock.instant(), actor.username(), "form"))) {
                changed++;
            }
        }
        audit.record(AuditRecord.of("PREVENTION_REACH_RECORDED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("preventive-activity", String.valueOf(id)).municipality(activity.municipalityCode())
                .unit(activity.unitCode()).details("month=" + month + "; rows=" + changed).build());
        if (changed > 0) {
            events.publishEvent(new PreventionChanged(activity.municipalityCode()));
        }
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ImportReport importReach(Actor actor, long id, InputStream content, TabularFile.Format format, boolean dryRun) {
        Activity activity = recordable(actor, id);
        BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
        RowSource source = FILE.source(in, format);
        if (format == TabularFile.Format.CSV) {
            List<String> header = TabularFile.header(in);
            List<String> identity = header.stream().filter(IdentityShapes::identityColumn).toList();
            if (!identity.isEmpty()) {
                source = (rows, problems) -> {
                    identity.forEach(c -> problems.accept(FileProblem.of(1, c, "prevention.error.identity-column", c)));
                    return 0;
                };
            }
        }
        ReachImportRun run = new ReachImportRun(actor, activity, store, audit, clock,
                () -> events.publishEvent(new PreventionChanged(activity.municipalityCode())));
        return pipeline.run(source, run, dryRun);
    }

    @Override
    public void recordAnswers(Actor actor, long id, YearMonth month, List<Integer> before, List<Integer> after) {
        Activity activity = recordable(actor, id);
        if (activity.instrumentCode() == null) {
            throw new PreventionRejected("instrument", "prevention.error.no-instrument");
        }
        Questionnaire q = catalogue.questionnaire(activity.instrumentCode()).orElseThrow();
        if (month == null || month.isBefore(YearMonth.from(activity.startsOn())) || month.isAfter(YearMonth.from(SwedishTime.today(clock)))
                || (activity.endsOn() != null && month.isAfter(YearMonth.from(activity.endsOn())))) {
            throw new PreventionRejected("month", "prevention.error.answer-month");
        }
        double b = q.score(before, "before");
        double a = q.score(after, "after");
        store.insertAnswer(id, q.code(), month, b, a);
        audit.record(AuditRecord.of("PREVENTION_ANSWERS_RECORDED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("preventive-activity", String.valueOf(id)).municipality(activity.municipalityCode())
                .unit(activity.unitCode()).details("instrument=" + q.code() + "; month=" + month).build());
        events.publishEvent(new PreventionChanged(activity.municipalityCode()));
    }

    @Override
    @Transactional(readOnly = true)
    public OutcomeSummary outcome(Actor actor, long id) {
        Activity activity = activity(actor, id);
        if (activity.instrumentCode() == null) {
            return null;
        }
        Questionnaire q = catalogue.questionnaire(activity.instrumentCode()).orElseThrow();
        return Outcomes.summarise(q, store.answers(id, q.code()));
    }

    /** Row problems of one form row: the first becomes a {@link PreventionRejected}. */
    private static final class FormProblems implements RowProblems {
        private String field;
        private String key;

        @Override
        public void add(String field, String messageKey, Object... args) {
            if (key == null) {
                this.field = field;
                this.key = messageKey;
            }
        }

        @Override
        public boolean any() {
            return key != null;
        }

        void throwFirst() {
            if (key != null) {
                throw new PreventionRejected(field, key);
            }
        }
    }
}
