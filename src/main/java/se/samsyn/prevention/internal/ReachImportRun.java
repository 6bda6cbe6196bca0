package se.samsyn.prevention.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.ImportSteps;
import se.samsyn.imports.RowProblems;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.ReachRow;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * One reach import of one activity on the {@link se.samsyn.imports.ImportPipeline}: the row rule
 * ({@link ReachRowRule}), the key (month, sex and band, once per file), the store step (new rows
 * inserted, changed ones updated with history, equal ones left alone) and the audit of the outcome.
 */
final class ReachImportRun implements ImportSteps<ReachRow> {

    private final Actor actor;
    private final Activity activity;
    private final ActivityStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final Runnable changed;

    ReachImportRun(Actor actor, Activity activity, ActivityStore store, AuditTrail audit, Clock clock, Runnable changed) {
        this.actor = actor;
        this.activity = activity;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
    }

    @Override
    public ReachRow check(long row, Map<String, String> values, RowProblems problems) {
        return ReachRowRule.check(values, activity, SwedishTime.today(clock), problems);
    }

    @Override
    public String key(ReachRow value) {
        return ActivityStore.key(value);
    }

    @Override
    public FileProblem duplicate(long row, long earlier, ReachRow value) {
        return FileProblem.of(row, "month", "prevention.error.duplicate-row", earlier);
    }

    @Override
    public void store(List<ReachRow> batch, Tally tally) {
        Map<String, ReachRow> stored = store.reachByKey(activity.id());
        for (ReachRow r : batch) {
            String outcome = store.save(activity.id(), r, stored.get(ActivityStore.key(r)), clock.instant(), actor.username(),
                    "import");
            if ("created".equals(outcome)) {
                tally.created(1);
            } else if ("updated".equals(outcome)) {
                tally.updated(1);
            }
        }
    }

    @Override
    public void finish(ImportReport r) {
        audit.record(AuditRecord.of("PREVENTION_REACH_IMPORTED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("preventive-activity", String.valueOf(activity.id())).municipality(activity.municipalityCode())
                .unit(activity.unitCode())
                .details("rows=" + r.rows() + "; new=" + r.created() + "; updated=" + r.updated()).build());
        if (r.created() > 0 || r.updated() > 0) {
            changed.run();
        }
    }

    @Override
    public void rolledBack(ImportReport r) {
        audit.record(AuditRecord.of("PREVENTION_REACH_IMPORT_" + (r.rejected() ? "REJECTED" : "VALID"),
                        AuditCategory.ADMINISTRATION).actor(actor)
                .outcome(r.rejected() ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS)
                .object("preventive-activity", String.valueOf(activity.id())).municipality(activity.municipalityCode())
                .unit(activity.unitCode()).details("rows=" + r.rows() + "; errors=" + r.errorCount() + "; stored=0").build());
    }
}
