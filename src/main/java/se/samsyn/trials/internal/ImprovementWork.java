package se.samsyn.trials.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import se.samsyn.trials.Annotation;
import se.samsyn.trials.Improvement;
import se.samsyn.trials.Measure;
import se.samsyn.trials.PeriodKind;
import se.samsyn.trials.RunChart;
import se.samsyn.trials.TrialNotFound;
import se.samsyn.trials.TrialRejected;

/**
 * {@link Improvement}: the run chart of a follow-up use measure for a unit or a municipality, and
 * its PDSA annotations ({@code trl_annotation}). Counts under the threshold are suppressed unless
 * the reader's scope is the unit itself; the baseline is the periods before the first change.
 */
@Service
class ImprovementWork implements Improvement {

    /** At most this many periods on one chart (two years of weeks). */
    static final int MAX_PERIODS = 104;

    private final UseMeasures use;
    private final se.samsyn.comparison.Comparisons comparisons;
    private final TrialAccess access;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final int threshold;

    ImprovementWork(UseMeasures use, se.samsyn.comparison.Comparisons comparisons, TrialAccess access, JdbcClient jdbc,
                    AuditTrail audit, Clock clock, @Value("${samsyn.suppression-threshold:5}") int threshold) {
        this.use = use;
        this.comparisons = comparisons;
        this.access = access;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.threshold = threshold;
    }

    @Override
    @Transactional(readOnly = true)
    public RunChart chart(Actor actor, String scopeCode, String instrumentCode, Measure measure, PeriodKind period,
                          LocalDate from, LocalDate to, LocalDate changeFrom) {
        Scope scope = seen(actor, scopeCode);
        if (measure == null || !measure.fromFollowup()) {
            throw new TrialRejected("measure", "trials.error.improvement-measure");
        }
        if (instrumentCode == null || instrumentCode.isBlank()) {
            throw new TrialRejected("instrument", "trials.error.instrumentCode");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new TrialRejected("from", "trials.error.range");
        }
        List<LocalDate> periods = Periods.between(period, from, to);
        if (periods.size() > MAX_PERIODS) {
            throw new TrialRejected("from", "trials.error.range-long");
        }
        boolean own = TrialAccess.own(actor, scopeCode);
        boolean municipality = scope.type() == ScopeType.MUNICIPALITY;
        LocalDate change = changeFrom == null ? null : Periods.startOf(period, changeFrom);
        List<RunCharts.Observation> observations = new ArrayList<>();
        for (LocalDate start : periods) {
            UseMeasures.Value v = use.value(measure, municipality, scopeCode, instrumentCode, start,
                    Periods.next(period, start));
            boolean suppressed = !own && v.count() > 0 && v.count() < threshold;
            observations.add(new RunCharts.Observation(start, suppressed ? null : v.value(), suppressed ? 0 : v.count(),
                    suppressed, change != null && start.isBefore(change)));
        }
        return RunCharts.chart(observations);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Annotation> annotations(Actor actor, String scopeCode, String instrumentCode, Measure measure) {
        seen(actor, scopeCode);
        return notes(scopeCode, subject(instrumentCode, measure));
    }

    @Override
    @Transactional(readOnly = true)
    public RunChart indicatorChart(Actor actor, String municipalityCode, String indicatorId) {
        Scope scope = seen(actor, municipalityCode);
        if (scope.type() != ScopeType.MUNICIPALITY) {
            throw new TrialNotFound();
        }
        List<Annotation> notes = notes(municipalityCode, "indicator:" + indicatorId);
        Integer changeYear = notes.isEmpty() ? null : notes.get(0).notedOn().getYear();
        List<RunCharts.Observation> observations = new ArrayList<>();
        for (se.samsyn.comparison.Comparisons.TrendPoint p : comparisons.trend(actor, indicatorId, municipalityCode, "T")) {
            observations.add(new RunCharts.Observation(LocalDate.of(p.year(), 1, 1), p.municipality(), 0, false,
                    changeYear != null && p.year() < changeYear));
        }
        return RunCharts.chart(observations);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Annotation> indicatorAnnotations(Actor actor, String municipalityCode, String indicatorId) {
        seen(actor, municipalityCode);
        return notes(municipalityCode, "indicator:" + indicatorId);
    }

    @Override
    @Transactional
    public void annotateIndicator(Actor actor, String municipalityCode, String indicatorId, Annotation annotation) {
        Scope scope = seen(actor, municipalityCode);
        if (!access.mayAnnotate(actor, scope) || indicatorId == null || !indicatorId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new TrialNotFound();
        }
        insert(actor, municipalityCode, "indicator:" + indicatorId, annotation);
    }

    private List<Annotation> notes(String scopeCode, String subject) {
        return jdbc.sql("SELECT noted_on, plan, done, seen, next_step FROM trl_annotation WHERE scope_code = :s "
                        + "AND subject = :subject ORDER BY noted_on, id")
                .param("s", scopeCode).param("subject", subject)
                .query((rs, n) -> new Annotation(rs.getObject("noted_on", LocalDate.class), rs.getString("plan"),
                        rs.getString("done"), rs.getString("seen"), rs.getString("next_step"))).list();
    }

    @Override
    @Transactional
    public void annotate(Actor actor, String scopeCode, String instrumentCode, Measure measure, Annotation a) {
        Scope scope = seen(actor, scopeCode);
        if (!access.mayAnnotate(actor, scope)) {
            throw new TrialNotFound();
        }
        if (measure == null || !measure.fromFollowup() || instrumentCode == null || instrumentCode.isBlank()) {
            throw new TrialRejected("measure", "trials.error.improvement-measure");
        }
        insert(actor, scopeCode, subject(instrumentCode, measure), a);
    }

    private void insert(Actor actor, String scopeCode, String subject, Annotation a) {
        if (a.notedOn() == null || a.notedOn().isAfter(se.samsyn.shared.SwedishTime.today(clock))) {
            throw new TrialRejected("notedOn", "trials.error.notedOn");
        }
        String plan = TrialRegister.text(a.plan(), 1000, "plan");
        jdbc.sql("INSERT INTO trl_annotation (scope_code, subject, noted_on, plan, done, seen, next_step, created_at, "
                        + "created_by) VALUES (:s, :subject, :on, :plan, :done, :seen, :next, :now, :by)")
                .param("s", scopeCode).param("subject", subject).param("on", a.notedOn())
                .param("plan", plan).param("done", optional(a.done(), "done")).param("seen", optional(a.seen(), "seen"))
                .param("next", optional(a.next(), "next"))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("by", actor.username())
                .update();
        audit.record(AuditRecord.of("IMPROVEMENT_ANNOTATED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("improvement", scopeCode + "/" + subject).build());
    }

    @Override
    public boolean mayAnnotate(Actor actor, String scopeCode) {
        Scope scope = scopeOf(scopeCode);
        return scope != null && access.mayAnnotate(actor, scope);
    }

    private Scope seen(Actor actor, String scopeCode) {
        Scope scope = scopeOf(scopeCode);
        if (scope == null || !access.maySeeScope(actor, scope)) {
            throw new TrialNotFound();
        }
        return scope;
    }

    private static Scope scopeOf(String code) {
        if (Scope.isWellFormed(ScopeType.MUNICIPALITY, code) && code.matches("\\d{4}")) {
            return Scope.municipality(code);
        }
        return Scope.isWellFormed(ScopeType.UNIT, code) ? Scope.unit(code) : null;
    }

    private static String subject(String instrumentCode, Measure measure) {
        return instrumentCode + ":" + measure.code();
    }

    private static String optional(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 1000) {
            throw new TrialRejected(field, "trials.error.too-long");
        }
        return value.strip();
    }
}
