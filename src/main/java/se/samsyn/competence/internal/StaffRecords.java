package se.samsyn.competence.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.Employee;
import se.samsyn.competence.StaffNotFound;
import se.samsyn.competence.StaffRegister;
import se.samsyn.competence.StaffRow;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.RowProblems;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * {@link StaffRegister} on {@code cpt_employee}: the access check of {@link CompetenceAccess}, the
 * row rule of {@link StaffRowRule} for the form, the API and the import alike, and an audit entry
 * in the same transaction for every read and write. A person added by any of the three gets the
 * role's introduction started by {@link AutomaticIntroductions} when its rule allows.
 */
@Service
class StaffRecords implements StaffRegister {

    private final StaffStore store;
    private final CompetenceAccess access;
    private final AuditTrail audit;
    private final ImportPipeline pipeline;
    private final Clock clock;
    private final WorkforceFacts workforce;
    private final AutomaticIntroductions introductions;

    StaffRecords(StaffStore store, CompetenceAccess access, AuditTrail audit, ImportPipeline pipeline, Clock clock,
                 WorkforceFacts workforce, AutomaticIntroductions introductions) {
        this.workforce = workforce;
        this.introductions = introductions;
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Override
    public boolean maySeeNames(Actor actor, String unitCode) {
        return CompetenceAccess.maySeeNames(actor, access.organisation().unit(unitCode).orElse(null));
    }

    @Override
    @Transactional
    public List<Employee> staff(Actor actor, String unitCode) {
        Unit unit = access.names(actor, unitCode);
        List<Employee> staff = store.staff(unit.code());
        read(actor, unit, "COMPETENCE_STAFF_READ", null, "persons=" + staff.size());
        return staff;
    }

    @Override
    @Transactional
    public Employee employee(Actor actor, String unitCode, String employeeNumber) {
        Unit unit = access.names(actor, unitCode);
        Employee e = store.find(unit.code(), employeeNumber).map(StaffStore.Stored::employee)
                .orElseThrow(StaffNotFound::new);
        read(actor, unit, "COMPETENCE_EMPLOYEE_READ", employeeNumber, null);
        return e;
    }

    @Override
    @Transactional
    public SaveOutcome save(Actor actor, String unitCode, StaffRow row, String source) {
        Unit unit = access.names(actor, unitCode);
        Employee e = checked(row);
        var earlier = store.find(unit.code(), e.employeeNumber());
        SaveOutcome outcome;
        if (earlier.isEmpty()) {
            store.insert(unit.municipalityCode(), unit.code(), e, clock.instant(), actor.username());
            introductions.added(actor, unit, e, "api".equals(source) ? "api" : "page");
            outcome = new SaveOutcome("created", List.of());
        } else {
            List<String> changed = store.update(earlier.get(), e, clock.instant(), actor.username(), source);
            outcome = new SaveOutcome(changed.isEmpty() ? "unchanged" : "updated", changed);
        }
        if (!"unchanged".equals(outcome.status())) {
            audit.record(AuditRecord.of("COMPETENCE_EMPLOYEE_" + outcome.status().toUpperCase(java.util.Locale.ROOT),
                            AuditCategory.INDIVIDUAL_WRITE).actor(actor).object("employee", e.employeeNumber())
                    .municipality(unit.municipalityCode()).unit(unit.code())
                    .details("source=" + source + (outcome.changed().isEmpty() ? "" : "; fields=" + String.join(",", outcome.changed()))).build());
            workforce.recompute(unit.municipalityCode());
        }
        return outcome;
    }

    @Override
    public ImportReport importStaff(Actor actor, String unitCode, InputStream content, TabularFile.Format format,
                                    boolean dryRun) {
        Unit unit = access.names(actor, unitCode);
        TabularFile file = new TabularFile(StaffRowRule.COLUMNS, StaffRowRule.REQUIRED);
        return pipeline.run(file.source(content, format), new StaffImportRun(actor, unit, store, audit, clock,
                () -> workforce.recompute(unit.municipalityCode()), e -> introductions.added(actor, unit, e, "import")),
                dryRun);
    }

    @Override
    @Transactional
    public List<HistoryEntry> history(Actor actor, String unitCode, String employeeNumber) {
        Unit unit = access.names(actor, unitCode);
        StaffStore.Stored stored = store.find(unit.code(), employeeNumber).orElseThrow(StaffNotFound::new);
        read(actor, unit, "COMPETENCE_HISTORY_READ", employeeNumber, null);
        return store.history(stored.id()).stream().map(h -> new HistoryEntry((String) h.get("field"),
                (String) h.get("old_value"), (String) h.get("new_value"), (String) h.get("changed_by"),
                instant(h.get("changed_at")), (String) h.get("source"))).toList();
    }

    /** The person the row describes; {@link CompetenceRejected} for the first wrong field. */
    private Employee checked(StaffRow row) {
        List<String[]> problems = new java.util.ArrayList<>();
        Employee e = StaffRowRule.check(row.columns(), SwedishTime.today(clock), new RowProblems() {
            @Override
            public void add(String field, String messageKey, Object... args) {
                problems.add(new String[] {field, messageKey});
            }

            @Override
            public boolean any() {
                return !problems.isEmpty();
            }
        });
        if (e == null) {
            throw new CompetenceRejected(problems.get(0)[0], problems.get(0)[1]);
        }
        return e;
    }

    private void read(Actor actor, Unit unit, String action, String employeeNumber, String details) {
        audit.record(AuditRecord.of(action, AuditCategory.INDIVIDUAL_READ).actor(actor)
                .object(employeeNumber == null ? "staff-register" : "employee",
                        employeeNumber == null ? unit.code() : employeeNumber)
                .municipality(unit.municipalityCode()).unit(unit.code()).details(details).build());
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value instanceof java.time.Instant i ? i : null;
    }
}
