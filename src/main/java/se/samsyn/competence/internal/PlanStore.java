package se.samsyn.competence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.GapAnalysis.PlanItem;

/** The SQL of the completion plans ({@code cpt_plan_item}). */
@Repository
class PlanStore {

    private static final String COLUMNS = "id, employee_number, requirement_code, course, training_slug, components, "
            + "planned_on, status, completed_on";

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit's plan items, by person and planned day. */
    List<PlanItem> unit(String unitCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cpt_plan_item WHERE unit_code = :u "
                + "ORDER BY employee_number, planned_on, id").param("u", unitCode).query(PlanStore::row).list();
    }

    Optional<PlanItem> find(String unitCode, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cpt_plan_item WHERE unit_code = :u AND id = :id")
                .param("u", unitCode).param("id", id).query(PlanStore::row).optional();
    }

    long insert(String municipalityCode, String unitCode, String employeeNumber, String requirement, String course,
                String training, String components, LocalDate plannedOn, Instant now, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cpt_plan_item (municipality_code, unit_code, employee_number, requirement_code, course, "
                        + "training_slug, components, planned_on, status, updated_at, updated_by) VALUES (:m, :u, :n, :r, "
                        + ":course, :training, :components, :planned, 'planned', :now, :by)")
                .param("m", municipalityCode).param("u", unitCode).param("n", employeeNumber).param("r", requirement)
                .param("course", course).param("training", training).param("components", components)
                .param("planned", plannedOn).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by)
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    void complete(long id, LocalDate completedOn, Instant now, String by) {
        jdbc.sql("UPDATE cpt_plan_item SET status = 'completed', completed_on = :day, updated_at = :now, updated_by = :by "
                        + "WHERE id = :id").param("day", completedOn)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by).param("id", id).update();
    }

    private static PlanItem row(ResultSet rs, int n) throws SQLException {
        return new PlanItem(rs.getLong("id"), rs.getString("employee_number"), rs.getString("requirement_code"),
                rs.getString("course"), rs.getString("training_slug"),
                StaffNotation.codes(rs.getString("components"), DegreeComponent.class, DegreeComponent::fromCode)
                        .orElseThrow(),
                rs.getObject("planned_on", LocalDate.class), rs.getString("status"),
                rs.getObject("completed_on", LocalDate.class));
    }
}
