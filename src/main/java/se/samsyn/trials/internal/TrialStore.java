package se.samsyn.trials.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import se.samsyn.trials.Decision;
import se.samsyn.trials.Measure;
import se.samsyn.trials.Participant;
import se.samsyn.trials.ParticipantRole;
import se.samsyn.trials.PeriodKind;
import se.samsyn.trials.PlanVersion;
import se.samsyn.trials.ToolKind;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialPlan;
import se.samsyn.trials.TrialStatus;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of trials, their participants and plan versions ({@code trl_trial}, {@code trl_participant}, {@code trl_plan_version}). */
@Repository
class TrialStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, title, question, tool_kind, tool_name, instrument_code, guide_entry, "
            + "period_kind, baseline_start, start_date, end_date, measures, owner_scope_type, owner_scope_code, status, "
            + "plan_version, decision, rationale, decided_on";

    private final JdbcClient jdbc;

    TrialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Trial> all() {
        return withParticipants(jdbc.sql("SELECT " + COLUMNS + " FROM trl_trial ORDER BY start_date DESC, id DESC")
                .query(TrialStore::row).list());
    }

    List<Trial> ofGuideEntry(String slug) {
        return withParticipants(jdbc.sql("SELECT " + COLUMNS + " FROM trl_trial WHERE guide_entry = :s "
                + "ORDER BY start_date DESC, id DESC").param("s", slug).query(TrialStore::row).list());
    }

    Optional<Trial> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM trl_trial WHERE id = :id").param("id", id)
                .query(TrialStore::row).optional().map(t -> withParticipants(List.of(t)).get(0));
    }

    long insert(TrialPlan plan, Scope owner, Instant now, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO trl_trial (title, question, tool_kind, tool_name, instrument_code, guide_entry, period_kind, "
                        + "baseline_start, start_date, end_date, measures, owner_scope_type, owner_scope_code, status, "
                        + "plan_version, created_at, created_by) VALUES (:title, :question, :kind, :tool, :instrument, "
                        + ":guide, :period, :baseline, :start, :end, :measures, :ownerType, :ownerCode, 'planned', 1, "
                        + ":now, :by)")
                .params(planParams(plan)).param("ownerType", owner.type().name()).param("ownerCode", owner.code())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by)
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        insertParticipants(id, plan);
        insertVersion(id, 1, plan, null, now, by);
        return id;
    }

    /** Replaces the plan; with {@code version} above the stored one a version row is added, else the first is rewritten. */
    void update(long id, TrialPlan plan, int version, String note, Instant now, String by) {
        jdbc.sql("UPDATE trl_trial SET title = :title, question = :question, tool_kind = :kind, tool_name = :tool, "
                        + "instrument_code = :instrument, guide_entry = :guide, period_kind = :period, "
                        + "baseline_start = :baseline, start_date = :start, end_date = :end, measures = :measures, "
                        + "plan_version = :version WHERE id = :id")
                .params(planParams(plan)).param("version", version).param("id", id).update();
        jdbc.sql("DELETE FROM trl_participant WHERE trial_id = :id").param("id", id).update();
        insertParticipants(id, plan);
        jdbc.sql("DELETE FROM trl_plan_version WHERE trial_id = :id AND version = :v").param("id", id)
                .param("v", version).update();
        insertVersion(id, version, plan, note, now, by);
    }

    void status(long id, TrialStatus status) {
        jdbc.sql("UPDATE trl_trial SET status = :s WHERE id = :id").param("s", status.code()).param("id", id).update();
    }

    void decide(long id, Decision decision, String rationale, LocalDate on) {
        jdbc.sql("UPDATE trl_trial SET status = 'ended', decision = :d, rationale = :r, decided_on = :on WHERE id = :id")
                .param("d", decision.code()).param("r", rationale).param("on", on).param("id", id).update();
    }

    List<PlanVersion> versions(long id) {
        return jdbc.sql("SELECT version, plan, note, saved_at FROM trl_plan_version WHERE trial_id = :id ORDER BY version")
                .param("id", id).query((rs, n) -> new PlanVersion(rs.getInt("version"),
                        JSON.readValue(rs.getString("plan"), TrialPlan.class), rs.getString("note"),
                        rs.getObject("saved_at", OffsetDateTime.class).toInstant())).list();
    }

    private void insertVersion(long id, int version, TrialPlan plan, String note, Instant now, String by) {
        jdbc.sql("INSERT INTO trl_plan_version (trial_id, version, plan, note, saved_at, saved_by) "
                        + "VALUES (:id, :v, :plan, :note, :now, :by)")
                .param("id", id).param("v", version).param("plan", JSON.writeValueAsString(plan)).param("note", note)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by).update();
    }

    private void insertParticipants(long id, TrialPlan plan) {
        for (Participant p : plan.participants()) {
            jdbc.sql("INSERT INTO trl_participant (trial_id, unit_code, municipality_code, role) VALUES (:id, :u, :m, :r)")
                    .param("id", id).param("u", p.unitCode()).param("m", p.municipalityCode()).param("r", p.role().code())
                    .update();
        }
    }

    private static Map<String, Object> planParams(TrialPlan plan) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", plan.title());
        p.put("question", plan.question());
        p.put("kind", plan.toolKind().code());
        p.put("tool", plan.toolName());
        p.put("instrument", plan.instrumentCode());
        p.put("guide", plan.guideEntry());
        p.put("period", plan.period().code());
        p.put("baseline", plan.baselineStart());
        p.put("start", plan.start());
        p.put("end", plan.end());
        p.put("measures", plan.measures().stream().map(Measure::code).collect(Collectors.joining(",")));
        return p;
    }

    private List<Trial> withParticipants(List<Trial> trials) {
        if (trials.isEmpty()) {
            return trials;
        }
        Map<Long, List<Participant>> byTrial = new LinkedHashMap<>();
        jdbc.sql("SELECT trial_id, unit_code, municipality_code, role FROM trl_participant "
                        + "ORDER BY trial_id, CASE WHEN role = 'trial' THEN 0 ELSE 1 END, municipality_code, unit_code")
                .query((ResultSet rs) -> {
                    byTrial.computeIfAbsent(rs.getLong("trial_id"), k -> new ArrayList<>()).add(new Participant(
                            rs.getString("unit_code"), rs.getString("municipality_code"),
                            ParticipantRole.of(rs.getString("role"), "role")));
                });
        return trials.stream().map(t -> new Trial(t.id(), new TrialPlan(t.plan().title(), t.plan().question(),
                t.plan().toolKind(), t.plan().toolName(), t.plan().instrumentCode(), t.plan().guideEntry(),
                t.plan().period(), t.plan().baselineStart(), t.plan().start(), t.plan().end(),
                byTrial.getOrDefault(t.id(), List.of()), t.plan().measures()), t.version(), t.owner(), t.status(),
                t.decision(), t.rationale(), t.decidedOn())).toList();
    }

    private static Trial row(ResultSet rs, int n) throws SQLException {
        List<Measure> measures = Arrays.stream(rs.getString("measures").split(",")).filter(s -> !s.isBlank())
                .map(s -> Measure.of(s, "measures")).toList();
        TrialPlan plan = new TrialPlan(rs.getString("title"), rs.getString("question"),
                ToolKind.of(rs.getString("tool_kind"), "toolKind"), rs.getString("tool_name"),
                rs.getString("instrument_code"), rs.getString("guide_entry"),
                PeriodKind.of(rs.getString("period_kind"), "period"), rs.getObject("baseline_start", LocalDate.class),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), List.of(), measures);
        String decision = rs.getString("decision");
        return new Trial(rs.getLong("id"), plan, rs.getInt("plan_version"),
                new Scope(ScopeType.valueOf(rs.getString("owner_scope_type")), rs.getString("owner_scope_code")),
                TrialStatus.of(rs.getString("status"), "status"), decision == null ? null : Decision.of(decision, "decision"),
                rs.getString("rationale"), rs.getObject("decided_on", LocalDate.class));
    }
}
