package se.samsyn.competence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.ProtectedTitle;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.RequirementKind;
import se.samsyn.competence.StaffRole;

/** The SQL of the requirement catalogue ({@code cpt_requirement}). */
@Repository
class RequirementStore {

    private static final String COLUMNS = "code, kind, municipality_code, title_sv, title_en, role_code, task_code, "
            + "degrees, components, training_slug, min_years, protected_title, within_months, source, source_url";

    private final JdbcClient jdbc;

    RequirementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** National requirements and the local ones of the municipality (null: none), by code. */
    List<Requirement> catalogue(String municipalityCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cpt_requirement WHERE municipality_code IS NULL "
                        + "OR municipality_code = :m ORDER BY CASE kind WHEN 'statutory' THEN 0 WHEN 'national-goal' "
                        + "THEN 1 ELSE 2 END, code")
                .param("m", municipalityCode == null ? "" : municipalityCode).query(RequirementStore::row).list();
    }

    Optional<Requirement> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cpt_requirement WHERE code = :code").param("code", code)
                .query(RequirementStore::row).optional();
    }

    /** Inserts the requirement, or replaces the one with its code. */
    void save(Requirement r, Instant now, String by) {
        JdbcClient.StatementSpec statement = jdbc.sql(find(r.code()).isPresent()
                ? "UPDATE cpt_requirement SET kind = :kind, municipality_code = :m, title_sv = :sv, title_en = :en, "
                + "role_code = :role, task_code = :task, degrees = :degrees, components = :components, "
                + "training_slug = :training, min_years = :years, protected_title = :title, within_months = :months, "
                + "source = :source, source_url = :url, updated_at = :now, updated_by = :by WHERE code = :code"
                : "INSERT INTO cpt_requirement (" + COLUMNS + ", updated_at, updated_by) VALUES (:code, :kind, :m, :sv, "
                + ":en, :role, :task, :degrees, :components, :training, :years, :title, :months, :source, :url, :now, :by)");
        statement.param("code", r.code()).param("kind", r.kind().code()).param("m", r.municipalityCode())
                .param("sv", r.titleSv()).param("en", r.titleEn())
                .param("role", r.role() == null ? null : r.role().code())
                .param("task", r.task() == null ? null : r.task().code())
                .param("degrees", r.degrees().stream().map(Degree::code).sorted().collect(Collectors.joining(";")))
                .param("components", StaffNotation.componentsText(r.components()))
                .param("training", r.training()).param("years", r.minYears())
                .param("title", r.title() == null ? null : r.title().code()).param("months", r.withinMonths())
                .param("source", r.source()).param("url", r.sourceUrl())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by).update();
    }

    private static Requirement row(ResultSet rs, int n) throws SQLException {
        int months = rs.getInt("within_months");
        Integer within = rs.wasNull() ? null : months;
        return new Requirement(rs.getString("code"), RequirementKind.fromCode(rs.getString("kind")).orElseThrow(),
                rs.getString("municipality_code"), rs.getString("title_sv"), rs.getString("title_en"),
                StaffRole.fromCode(rs.getString("role_code")).orElse(null),
                RegulatedTask.fromCode(rs.getString("task_code")).orElse(null),
                StaffNotation.codes(rs.getString("degrees"), Degree.class, Degree::fromCode).orElseThrow(),
                StaffNotation.codes(rs.getString("components"), DegreeComponent.class, DegreeComponent::fromCode)
                        .orElseThrow(),
                rs.getString("training_slug"), rs.getBigDecimal("min_years"),
                ProtectedTitle.fromCode(rs.getString("protected_title")).orElse(null), within,
                rs.getString("source"), rs.getString("source_url"));
    }
}
