package se.samsyn.competence.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.ProtectedTitle;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.StaffRole;
import se.samsyn.imports.PlainValues;
import se.samsyn.imports.RowProblems;

/**
 * The one check of a person's fields, for a row of the HR export as for the form and the API. The
 * columns are {@link #COLUMNS}; the first five are required. Every problem is reported with its
 * column and a message key of the competence bundle (or the imports bundle for dates and numbers).
 */
final class StaffRowRule {

    /** The columns of the HR export, in the order the README lists them. */
    static final List<String> COLUMNS = se.samsyn.competence.StaffRegister.IMPORT_COLUMNS;
    static final List<String> REQUIRED = COLUMNS.subList(0, 5);

    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");
    /**
     * A personnummer or samordningsnummer written with or without century and separator
     * (YYMMDD-NNNN, YYMMDDNNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN, '+' for over a hundred): refused as an
     * employee number whether or not its date and check digit are valid, so that no identity number
     * is stored under another name.
     */
    private static final Pattern PERSONNUMMER_SHAPE = Pattern.compile("(\\d{2})?\\d{6}[-+]?\\d{4}");

    private StaffRowRule() {
    }

    /** True when the employee number could be a personal identity number. */
    static boolean personnummerShaped(String employeeNumber) {
        return employeeNumber != null && PERSONNUMMER_SHAPE.matcher(employeeNumber.trim()).matches();
    }

    /** The person the values describe, or null with every problem added to {@code problems}. */
    static Employee check(Map<String, String> values, LocalDate today, RowProblems problems) {
        String number = value(values, "employee_number");
        if (personnummerShaped(number)) {
            problems.add("employee_number", "competence.error.employee-number-personnummer");
        } else if (!NUMBER.matcher(number).matches()) {
            problems.add("employee_number", "competence.error.employee-number");
        }
        String name = value(values, "name");
        if (name.isEmpty() || name.length() > 200) {
            problems.add("name", "competence.error.name");
        }
        Optional<StaffRole> role = StaffRole.fromCode(value(values, "role"));
        if (role.isEmpty()) {
            problems.add("role", "competence.error.role");
        }
        Optional<EmploymentForm> employment = EmploymentForm.fromCode(value(values, "employment"));
        if (employment.isEmpty()) {
            problems.add("employment", "competence.error.employment");
        }
        LocalDate start = date(values, "start_date", today, problems);
        LocalDate end = value(values, "end_date").isEmpty() ? null : date(values, "end_date", today, problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("end_date", "competence.error.end-before-start");
        }
        BigDecimal prior = BigDecimal.ZERO;
        if (!value(values, "prior_years").isEmpty()) {
            prior = PlainValues.decimal(value(values, "prior_years")).orElse(null);
            if (prior == null || prior.signum() < 0 || prior.compareTo(BigDecimal.valueOf(60)) > 0 || prior.scale() > 1) {
                problems.add("prior_years", "competence.error.prior-years");
            }
        }
        var degrees = StaffNotation.degrees(value(values, "degrees"));
        if (degrees.isEmpty()) {
            problems.add("degrees", "competence.error.degrees");
        }
        Optional<Set<DegreeComponent>> supplementary = StaffNotation.codes(value(values, "supplementary"),
                DegreeComponent.class, DegreeComponent::fromCode);
        if (supplementary.isEmpty()) {
            problems.add("supplementary", "competence.error.components");
        }
        var trainings = StaffNotation.trainings(value(values, "trainings"), today);
        if (trainings.isEmpty()) {
            problems.add("trainings", "competence.error.trainings");
        }
        Optional<Set<RegulatedTask>> tasks = StaffNotation.codes(value(values, "tasks"), RegulatedTask.class,
                RegulatedTask::fromCode);
        if (tasks.isEmpty()) {
            problems.add("tasks", "competence.error.tasks");
        }
        Optional<Set<ProtectedTitle>> titles = StaffNotation.codes(value(values, "titles"), ProtectedTitle.class,
                ProtectedTitle::fromCode);
        if (titles.isEmpty()) {
            problems.add("titles", "competence.error.titles");
        }
        if (problems.any()) {
            return null;
        }
        return new Employee(number, name, role.get(), employment.get(), start, end, prior.setScale(1),
                degrees.get(), supplementary.get(), trainings.get(), tasks.get(), titles.get());
    }

    private static LocalDate date(Map<String, String> values, String field, LocalDate today, RowProblems problems) {
        PlainValues.DateValue date = PlainValues.date(value(values, field), today);
        if (date.problem() != null) {
            problems.add(field, date.problem().messageKey());
        }
        return date.date();
    }

    private static String value(Map<String, String> values, String field) {
        String v = values.get(field);
        return v == null ? "" : v.trim();
    }
}
