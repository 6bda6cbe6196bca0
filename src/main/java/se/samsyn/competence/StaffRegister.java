package se.samsyn.competence;

import java.io.InputStream;
import java.util.List;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.TabularFile;
import se.samsyn.shared.Actor;

/**
 * Each unit's staff register. Only the unit's manager and the administrator of the unit's
 * municipality read or write it; anyone else gets {@link StaffNotFound} (404), audited as a
 * refusal. Every read and write is audited in the same transaction (ADR 12).
 */
public interface StaffRegister {

    /**
     * The columns of the HR export, in the README's order; the first five are required. Lists use
     * the notation of {@link StaffRow}.
     */
    List<String> IMPORT_COLUMNS = List.of("employee_number", "name", "role", "employment", "start_date",
            "end_date", "prior_years", "degrees", "supplementary", "trainings", "tasks", "titles");

    /**
     * The example row of the import template, one value per {@link #IMPORT_COLUMNS} column: a
     * permanently employed social worker with a socionom degree who investigates and follows up.
     * Its codes come from the enums the row rule checks, and it passes the import's validation.
     */
    List<String> IMPORT_EXAMPLE = List.of("A1001", "Anna Exempel", StaffRole.SOCIAL_WORKER.code(),
            EmploymentForm.PERMANENT.code(), "2024-01-15", "", "2",
            Degree.SOCIONOM.code() + "[" + DegreeComponent.SOCIAL_WORK.code() + "+" + DegreeComponent.SOCIAL_LAW.code() + "]",
            "", "", RegulatedTask.INVESTIGATE.code() + ";" + RegulatedTask.FOLLOW_UP.code(), "");

    /** True when the actor may see the unit's staff by name (the unit's manager, the municipality's administrator). */
    boolean maySeeNames(Actor actor, String unitCode);

    /** The unit's staff, by name; audited as a read. */
    List<Employee> staff(Actor actor, String unitCode);

    /** One person of the unit; {@link StaffNotFound} when there is none. Audited as a read. */
    Employee employee(Actor actor, String unitCode, String employeeNumber);

    /**
     * Adds the person, or changes the one with the same employee number (earlier values kept in the history).
     *
     * @param source "page" or "api", recorded in the history
     * @throws CompetenceRejected for the first field that is wrong, named
     */
    SaveOutcome save(Actor actor, String unitCode, StaffRow row, String source);

    /**
     * Imports the HR export (columns in the README) on the one import pipeline: all-or-nothing,
     * every bad row listed, a dry run stores nothing, a row equal to the stored person changes
     * nothing, a changed row updates the person and is counted as updated.
     */
    ImportReport importStaff(Actor actor, String unitCode, InputStream content, TabularFile.Format format, boolean dryRun);

    /** The history of one person's changes, newest first. */
    List<HistoryEntry> history(Actor actor, String unitCode, String employeeNumber);

    /**
     * What a save did.
     *
     * @param status  created, updated or unchanged
     * @param changed the fields changed by an update
     */
    record SaveOutcome(String status, List<String> changed) {
    }

    /** One changed field: its earlier and new values (the import's notation), who, when (UTC) and from where. */
    record HistoryEntry(String field, String oldValue, String newValue, String changedBy, java.time.Instant changedAt,
                        String source) {
    }
}
