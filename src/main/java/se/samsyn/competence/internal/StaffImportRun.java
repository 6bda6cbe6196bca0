package se.samsyn.competence.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.competence.Employee;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.ImportSteps;
import se.samsyn.imports.RowProblems;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * One import of a unit's HR export on the {@link se.samsyn.imports.ImportPipeline}: the row rule
 * ({@link StaffRowRule}), the key (the employee number, once per file), the store step (a new
 * number is added, a changed person updated with history, an equal one left alone), and the audit
 * of the outcome with the employee numbers touched.
 */
final class StaffImportRun implements ImportSteps<Employee> {

    private final Actor actor;
    private final Unit unit;
    private final StaffStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final Runnable recompute;
    private final java.util.function.Consumer<Employee> added;
    final List<String> addedNumbers = new ArrayList<>();
    final List<String> changed = new ArrayList<>();

    /**
     * One run.
     *
     * @param recompute called once after a run that stored something (the workforce facts)
     * @param added     called for each person added, in the run's transaction (the automatic introduction)
     */
    StaffImportRun(Actor actor, Unit unit, StaffStore store, AuditTrail audit, Clock clock, Runnable recompute,
                   java.util.function.Consumer<Employee> added) {
        this.recompute = recompute;
        this.added = added;
        this.actor = actor;
        this.unit = unit;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Employee check(long row, Map<String, String> values, RowProblems problems) {
        return StaffRowRule.check(values, SwedishTime.today(clock), problems);
    }

    @Override
    public String key(Employee value) {
        return value.employeeNumber();
    }

    @Override
    public FileProblem duplicate(long row, long earlier, Employee value) {
        return FileProblem.of(row, "employee_number", "competence.error.duplicate-number", earlier);
    }

    @Override
    public void store(List<Employee> batch, Tally tally) {
        Map<String, StaffStore.Stored> stored = store.find(unit.code(), batch.stream().map(Employee::employeeNumber).toList());
        for (Employee e : batch) {
            StaffStore.Stored earlier = stored.get(e.employeeNumber());
            if (earlier == null) {
                store.insert(unit.municipalityCode(), unit.code(), e, clock.instant(), actor.username());
                this.added.accept(e);
                addedNumbers.add(e.employeeNumber());
                tally.created(1);
            } else if (!store.update(earlier, e, clock.instant(), actor.username(), "import").isEmpty()) {
                changed.add(e.employeeNumber());
                tally.updated(1);
            }
        }
    }

    @Override
    public void finish(ImportReport r) {
        audit.record(AuditRecord.of("COMPETENCE_IMPORT_IMPORTED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                .object("staff-register", unit.code()).municipality(unit.municipalityCode()).unit(unit.code())
                .details("rows=" + r.rows() + "; new=" + r.created() + "; updated=" + r.updated()
                        + "; added=" + numbers(addedNumbers) + "; changed=" + numbers(changed)).build());
        if (r.created() > 0 || r.updated() > 0) {
            recompute.run();
        }
    }

    @Override
    public void rolledBack(ImportReport r) {
        audit.record(AuditRecord.of("COMPETENCE_IMPORT_" + (r.rejected() ? "REJECTED" : "VALID"),
                        AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                .outcome(r.rejected() ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS)
                .object("staff-register", unit.code()).municipality(unit.municipalityCode()).unit(unit.code())
                .details("rows=" + r.rows() + "; errors=" + r.errorCount() + "; stored=0").build());
    }

    private static String numbers(List<String> numbers) {
        return String.join(",", numbers.stream().limit(200).toList()) + (numbers.size() > 200 ? ",…" : "");
    }
}
