package se.samsyn.followup.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.followup.ImportType;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.ImportSteps;
import se.samsyn.imports.RowProblems;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;

/**
 * One follow-up import in the {@link se.samsyn.imports.ImportPipeline}: the row rule
 * ({@link FollowupRowRule}), the store step ({@link FollowupRowStore}), and around them the lock
 * that lets imports for one unit run one at a time across all instances (so the same file
 * imported twice at once stores each row once), the audit (imported with the clients touched,
 * corrected with the fields changed, or rejected or dry run) and the event that a unit's data changed.
 */
final class FollowupImportRun implements ImportSteps<ImportedRow> {

    private final Actor actor;
    private final Unit unit;
    private final ImportType type;
    private final FollowupRowRule rule;
    private final FollowupRowStore store;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final ClusterLocks locks;
    private final ChangedClients changed;

    FollowupImportRun(Actor actor, Unit unit, ImportType type, FollowupRowRule rule, FollowupRowStore store,
                      Organisation organisation, AuditTrail audit, ClusterLocks locks, ChangedClients changed) {
        this.actor = actor;
        this.unit = unit;
        this.type = type;
        this.rule = rule;
        this.store = store;
        this.organisation = organisation;
        this.audit = audit;
        this.locks = locks;
        this.changed = changed;
    }

    @Override
    public void begin(boolean dryRun) {
        locks.holdUntilCommit("followup-import-" + unit.code());
    }

    @Override
    public ImportedRow check(long row, Map<String, String> values, RowProblems problems) {
        ImportedRow checked = rule.check(values, problems);
        if (checked != null) {
            checked.values().addValue(FollowupRowStore.ROW_NUMBER, row);
        }
        return checked;
    }

    @Override
    public String key(ImportedRow value) {
        return value.key();
    }

    @Override
    public se.samsyn.imports.FileProblem duplicate(long row, long earlier, ImportedRow value) {
        return se.samsyn.imports.FileProblem.of(row, null, "import.error.duplicate-key", earlier);
    }

    @Override
    public int batchSize() {
        return store.batchSize();
    }

    @Override
    public void store(List<ImportedRow> batch, Tally tally) {
        store.store(batch, tally);
    }

    @Override
    public void finish(ImportReport r) {
        String county = organisation.countyOf(Scope.municipality(unit.municipalityCode())).orElse(null);
        audit.record(AuditRecord.of("IMPORT_IMPORTED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                .outcome(AuditOutcome.SUCCESS).object("import", type.code()).municipality(unit.municipalityCode())
                .county(county).unit(unit.code())
                .details("rows=" + r.rows() + "; new=" + r.created() + "; updated=" + r.updated()
                        + "; clients=" + store.clientsTouched.size() + "; clientIds=" + ids(store.clientsTouched))
                .build());
        if (r.updated() > 0) {
            audit.record(AuditRecord.of("IMPORT_CORRECTED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                    .outcome(AuditOutcome.SUCCESS).object("import", type.code()).municipality(unit.municipalityCode())
                    .county(county).unit(unit.code())
                    .details("updated=" + r.updated() + "; fields=" + store.changedFields
                            + "; clientIds=" + ids(store.clientsCorrected))
                    .build());
        }
        if (r.created() > 0 || r.updated() > 0) {
            Set<Long> clients = new java.util.TreeSet<>(store.clientsTouched);
            clients.addAll(store.clientsCorrected);
            changed.announce(unit.municipalityCode(), clients);
        }
    }

    @Override
    public void rolledBack(ImportReport r) {
        audit.record(AuditRecord.of("IMPORT_" + (r.rejected() ? "REJECTED" : "VALID"), AuditCategory.INDIVIDUAL_WRITE)
                .actor(actor).outcome(r.rejected() ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS)
                .object("import", type.code()).municipality(unit.municipalityCode()).unit(unit.code())
                .details("rows=" + r.rows() + "; errors=" + r.errorCount() + "; stored=0").build());
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().limit(200).map(String::valueOf).collect(Collectors.joining(","))
                + (ids.size() > 200 ? ",…" : "");
    }
}
