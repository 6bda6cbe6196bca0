package se.samsyn.competence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.ProtectedTitle;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.StaffRole;

/**
 * The SQL of the staff register ({@code cpt_employee}) and its history ({@code cpt_employee_history}).
 * A change stores the new values and one history row per changed field with its earlier value.
 */
@Repository
class StaffStore {

    private static final String COLUMNS = "id, employee_number, name, role_code, employment, start_date, end_date, "
            + "prior_years, degrees, supplementary, trainings, tasks, titles";

    private final JdbcClient jdbc;

    StaffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored person and the row's id. */
    record Stored(long id, Employee employee) {
    }

    /** The unit's staff, by name then employee number. */
    List<Employee> staff(String unitCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cpt_employee WHERE unit_code = :u ORDER BY name, employee_number")
                .param("u", unitCode).query((rs, n) -> row(rs).employee()).list();
    }

    /** The staff of every unit of a municipality, by unit code. */
    Map<String, List<Employee>> municipalityStaff(String municipalityCode) {
        Map<String, List<Employee>> staff = new LinkedHashMap<>();
        jdbc.sql("SELECT unit_code, " + COLUMNS + " FROM cpt_employee WHERE municipality_code = :m "
                        + "ORDER BY unit_code, name, employee_number")
                .param("m", municipalityCode).query((rs, n) -> {
                    staff.computeIfAbsent(rs.getString("unit_code"), u -> new java.util.ArrayList<>()).add(row(rs).employee());
                    return null;
                }).list();
        return staff;
    }

    Optional<Stored> find(String unitCode, String employeeNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cpt_employee WHERE unit_code = :u AND employee_number = :n")
                .param("u", unitCode).param("n", employeeNumber).query((rs, n) -> row(rs)).optional();
    }

    /** The stored persons of the unit among the given numbers, by number. */
    Map<String, Stored> find(String unitCode, java.util.Collection<String> numbers) {
        Map<String, Stored> found = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM cpt_employee WHERE unit_code = :u AND employee_number IN (:n)")
                .param("u", unitCode).param("n", List.copyOf(numbers)).query((rs, n) -> row(rs)).list()
                .forEach(s -> found.put(s.employee().employeeNumber(), s));
        return found;
    }

    long insert(String municipalityCode, String unitCode, Employee e, Instant now, String by) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cpt_employee (municipality_code, unit_code, employee_number, name, role_code, employment, "
                        + "start_date, end_date, prior_years, degrees, supplementary, trainings, tasks, titles, updated_at, "
                        + "updated_by) VALUES (:m, :u, :number, :name, :role, :employment, :start, :end, :prior, :degrees, "
                        + ":supplementary, :trainings, :tasks, :titles, :now, :by)")
                .param("m", municipalityCode).param("u", unitCode).param("number", e.employeeNumber())
                .params(fields(e)).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by)
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /**
     * Stores the new values of a person and a history row for each changed field.
     *
     * @return the names of the changed fields; empty when nothing changed (and nothing was written)
     */
    List<String> update(Stored stored, Employee e, Instant now, String by, String source) {
        Map<String, Object> before = fields(stored.employee());
        Map<String, Object> after = fields(e);
        List<String> changed = after.keySet().stream()
                .filter(k -> !Objects.equals(text(before.get(k)), text(after.get(k)))).toList();
        if (changed.isEmpty()) {
            return changed;
        }
        jdbc.sql("UPDATE cpt_employee SET name = :name, role_code = :role, employment = :employment, start_date = :start, "
                        + "end_date = :end, prior_years = :prior, degrees = :degrees, supplementary = :supplementary, "
                        + "trainings = :trainings, tasks = :tasks, titles = :titles, updated_at = :now, updated_by = :by "
                        + "WHERE id = :id")
                .params(after).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by)
                .param("id", stored.id()).update();
        for (String field : changed) {
            jdbc.sql("INSERT INTO cpt_employee_history (employee_id, field, old_value, new_value, changed_by, changed_at, "
                            + "source) VALUES (:id, :field, :old, :new, :by, :now, :source)")
                    .param("id", stored.id()).param("field", field).param("old", text(before.get(field)))
                    .param("new", text(after.get(field))).param("by", by)
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("source", source).update();
        }
        return changed;
    }

    /** The history of one person, newest first: field, earlier value, new value, who, when, from where. */
    List<Map<String, Object>> history(long employeeId) {
        return jdbc.sql("SELECT field, old_value, new_value, changed_by, changed_at, source FROM cpt_employee_history "
                + "WHERE employee_id = :id ORDER BY changed_at DESC, id DESC").param("id", employeeId).query().listOfRows();
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof java.math.BigDecimal d ? d.setScale(1).toPlainString()
                : value.toString();
    }

    private static Map<String, Object> fields(Employee e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", e.name());
        f.put("role", e.role().code());
        f.put("employment", e.employment().code());
        f.put("start", e.startDate());
        f.put("end", e.endDate());
        f.put("prior", e.priorYears().setScale(1));
        f.put("degrees", StaffNotation.degreesText(e.degrees()));
        f.put("supplementary", StaffNotation.componentsText(e.supplementary()));
        f.put("trainings", StaffNotation.trainingsText(e.trainings()));
        f.put("tasks", StaffNotation.tasksText(e.tasks()));
        f.put("titles", StaffNotation.titlesText(e.titles()));
        return f;
    }

    private static Stored row(ResultSet rs) throws SQLException {
        LocalDate end = rs.getObject("end_date", LocalDate.class);
        Employee e = new Employee(rs.getString("employee_number"), rs.getString("name"),
                StaffRole.fromCode(rs.getString("role_code")).orElseThrow(),
                EmploymentForm.fromCode(rs.getString("employment")).orElseThrow(),
                rs.getObject("start_date", LocalDate.class), end, rs.getBigDecimal("prior_years"),
                StaffNotation.degrees(rs.getString("degrees")).orElseThrow(),
                StaffNotation.codes(rs.getString("supplementary"), DegreeComponent.class, DegreeComponent::fromCode)
                        .orElseThrow(),
                StaffNotation.trainings(rs.getString("trainings"), LocalDate.MAX.minusYears(2)).orElseThrow(),
                StaffNotation.codes(rs.getString("tasks"), RegulatedTask.class, RegulatedTask::fromCode).orElseThrow(),
                StaffNotation.codes(rs.getString("titles"), ProtectedTitle.class, ProtectedTitle::fromCode).orElseThrow());
        return new Stored(rs.getLong("id"), e);
    }
}
