package se.samsyn.priority.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostBands;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairDraft;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.ProcessDraft;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.Recommendation;
import se.samsyn.priority.ResourceScenarios.Scenario;
import se.samsyn.priority.ResourceScenarios.ScenarioLine;
import se.samsyn.priority.Severity;
import se.samsyn.priority.VersionInfo;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Priority-setting SQL over the {@code prio_} tables; published versions and scenario lines are stored as JSON text. */
@Repository
class PriorityRepository {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final String PROCESS_COLUMNS = """
            id, name, scope_type, scope_code, focus_areas, purpose, members, mode, status, parameters, cost_unit,
            cost_limits, published_version, created_by, created_at, updated_at""";
    private static final String PAIR_COLUMNS = """
            id, process_id, condition_text, target_group, intervention_code, intervention_text, benefit,
            benefit_rationale, cost, cost_rationale, certainty, certainty_rationale, severity, severity_rationale,
            statutory, statutory_reference, method_entry, guideline_entry, decision, decision_rationale, decided_by,
            decided_at, condition_kind, activity_kind""";
    private static final String SCENARIO_COLUMNS =
            "id, municipality_code, process_id, version_no, name, budget, lines, created_by, created_at";

    private final JdbcClient jdbc;

    PriorityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertProcess(ProcessDraft d, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO prio_process (name, scope_type, scope_code, focus_areas, purpose, members, mode, status,
                  parameters, cost_unit, cost_limits, published_version, created_by, created_at, updated_at)
                VALUES (:name, :scopeType, :scopeCode, :focusAreas, :purpose, :members, :mode, 'DRAFT', :parameters,
                  :costUnit, :costLimits, 0, :by, :at, :at)""")
                .params(processParams(d)).param("by", by).param("at", time(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateProcess(long id, ProcessDraft d, Instant at) {
        jdbc.sql("""
                UPDATE prio_process SET name = :name, focus_areas = :focusAreas, purpose = :purpose,
                  members = :members, mode = :mode, parameters = :parameters, cost_unit = :costUnit,
                  cost_limits = :costLimits, updated_at = :at WHERE id = :id""")
                .params(processParams(d)).param("at", time(at)).param("id", id).update();
    }

    private static java.util.Map<String, Object> processParams(ProcessDraft d) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", d.name());
        p.put("scopeType", d.scope().type().name());
        p.put("scopeCode", d.scope().code());
        p.put("focusAreas", String.join(",", d.focusAreas()));
        p.put("purpose", d.purpose());
        p.put("members", d.members());
        p.put("mode", d.mode().name());
        p.put("parameters", JSON.writeValueAsString(d.parameters()));
        p.put("costUnit", d.costBands().unit());
        p.put("costLimits", String.join(",", d.costBands().limits().stream().map(String::valueOf).toList()));
        return p;
    }

    void updateStatus(long id, ProcessStatus status, Instant at) {
        jdbc.sql("UPDATE prio_process SET status = :status, updated_at = :at WHERE id = :id")
                .param("status", status.name()).param("at", time(at)).param("id", id).update();
    }

    void touch(long id, Instant at) {
        jdbc.sql("UPDATE prio_process SET updated_at = :at WHERE id = :id").param("at", time(at)).param("id", id).update();
    }

    Optional<PriorityProcess> process(long id) {
        return jdbc.sql("SELECT " + PROCESS_COLUMNS + " FROM prio_process WHERE id = :id").param("id", id)
                .query((rs, n) -> process(rs)).optional();
    }

    /** Locks the process row for the rest of the transaction, so that two publications cannot race. */
    Optional<PriorityProcess> processForUpdate(long id) {
        return jdbc.sql("SELECT " + PROCESS_COLUMNS + " FROM prio_process WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> process(rs)).optional();
    }

    List<PriorityProcess> processes() {
        return jdbc.sql("SELECT " + PROCESS_COLUMNS + " FROM prio_process ORDER BY updated_at DESC, id DESC")
                .query((rs, n) -> process(rs)).list();
    }

    List<PriorityProcess> publishedProcesses() {
        return jdbc.sql("SELECT " + PROCESS_COLUMNS + " FROM prio_process WHERE published_version > 0 ORDER BY name, id")
                .query((rs, n) -> process(rs)).list();
    }

    long insertPair(long processId, PairDraft d) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO prio_pair (process_id, condition_text, target_group, intervention_code, intervention_text,
                  benefit, benefit_rationale, cost, cost_rationale, certainty, certainty_rationale, severity,
                  severity_rationale, statutory, statutory_reference, method_entry, guideline_entry, condition_kind,
                  activity_kind)
                VALUES (:process, :condition, :targetGroup, :interventionCode, :interventionText, :benefit,
                  :benefitRationale, :cost, :costRationale, :certainty, :certaintyRationale, :severity,
                  :severityRationale, :statutory, :statutoryReference, :methodEntry, :guidelineEntry, :conditionKind,
                  :activityKind)""")
                .params(pairParams(d)).param("process", processId).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updatePair(long id, PairDraft d) {
        jdbc.sql("""
                UPDATE prio_pair SET condition_text = :condition, target_group = :targetGroup,
                  intervention_code = :interventionCode, intervention_text = :interventionText, benefit = :benefit,
                  benefit_rationale = :benefitRationale, cost = :cost, cost_rationale = :costRationale,
                  certainty = :certainty, certainty_rationale = :certaintyRationale, severity = :severity,
                  severity_rationale = :severityRationale, statutory = :statutory,
                  statutory_reference = :statutoryReference, method_entry = :methodEntry,
                  guideline_entry = :guidelineEntry, condition_kind = :conditionKind, activity_kind = :activityKind
                WHERE id = :id""")
                .params(pairParams(d)).param("id", id).update();
    }

    private static java.util.Map<String, Object> pairParams(PairDraft d) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("condition", d.condition());
        p.put("targetGroup", d.targetGroup());
        p.put("interventionCode", d.interventionCode());
        p.put("interventionText", d.interventionText());
        p.put("benefit", d.benefit().name());
        p.put("benefitRationale", d.benefitRationale());
        p.put("cost", d.cost().name());
        p.put("costRationale", d.costRationale());
        p.put("certainty", d.certainty().name());
        p.put("certaintyRationale", d.certaintyRationale());
        p.put("severity", d.severity() == null ? null : d.severity().name());
        p.put("severityRationale", d.severityRationale());
        p.put("statutory", d.statutory());
        p.put("statutoryReference", d.statutoryReference());
        p.put("methodEntry", d.methodEntry());
        p.put("guidelineEntry", d.guidelineEntry());
        p.put("conditionKind", d.conditionKind() == null ? "individual" : d.conditionKind());
        p.put("activityKind", d.activityKind());
        return p;
    }

    void deletePair(long id) {
        jdbc.sql("DELETE FROM prio_pair WHERE id = :id").param("id", id).update();
    }

    void decide(long pairId, Recommendation decision, String rationale, String by, Instant at) {
        jdbc.sql("""
                UPDATE prio_pair SET decision = :decision, decision_rationale = :rationale, decided_by = :by,
                  decided_at = :at WHERE id = :id""")
                .param("decision", decision.code()).param("rationale", rationale).param("by", by)
                .param("at", time(at)).param("id", pairId).update();
    }

    /** A change of the criteria withdraws the decision: the group must decide again on what it now reads. */
    void clearDecision(long pairId) {
        jdbc.sql("""
                UPDATE prio_pair SET decision = NULL, decision_rationale = NULL, decided_by = NULL, decided_at = NULL
                WHERE id = :id""").param("id", pairId).update();
    }

    Optional<Pair> pair(long id) {
        return jdbc.sql("SELECT " + PAIR_COLUMNS + " FROM prio_pair WHERE id = :id").param("id", id)
                .query((rs, n) -> pair(rs)).optional();
    }

    List<Pair> pairs(long processId) {
        return jdbc.sql("SELECT " + PAIR_COLUMNS + " FROM prio_pair WHERE process_id = :process ORDER BY id")
                .param("process", processId).query((rs, n) -> pair(rs)).list();
    }

    void insertVersion(long processId, int version, Instant at, String by, String snapshot) {
        jdbc.sql("""
                INSERT INTO prio_version (process_id, version_no, published_at, published_by, snapshot)
                VALUES (:process, :version, :at, :by, :snapshot)""")
                .param("process", processId).param("version", version).param("at", time(at)).param("by", by)
                .param("snapshot", snapshot).update();
        jdbc.sql("UPDATE prio_process SET published_version = :version, status = 'PUBLISHED', updated_at = :at WHERE id = :id")
                .param("version", version).param("at", time(at)).param("id", processId).update();
    }

    Optional<String> snapshot(long processId, int version) {
        return jdbc.sql("SELECT snapshot FROM prio_version WHERE process_id = :process AND version_no = :version")
                .param("process", processId).param("version", version).query(String.class).optional();
    }

    List<VersionInfo> versions(long processId) {
        return jdbc.sql("""
                SELECT version_no, published_at, published_by FROM prio_version WHERE process_id = :process
                ORDER BY version_no DESC""")
                .param("process", processId)
                .query((rs, n) -> new VersionInfo(rs.getInt(1), instant(rs, 2), rs.getString(3))).list();
    }

    long insertScenario(Scenario s) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO prio_scenario (municipality_code, process_id, version_no, name, budget, lines, created_by,
                  created_at) VALUES (:municipality, :process, :version, :name, :budget, :lines, :by, :at)""")
                .param("municipality", s.municipalityCode()).param("process", s.processId())
                .param("version", s.version()).param("name", s.name()).param("budget", s.budget())
                .param("lines", JSON.writeValueAsString(s.lines())).param("by", s.createdBy())
                .param("at", time(s.createdAt())).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Replaces a scenario's name, budget (kronor) and lines; false when there is no such scenario. */
    boolean updateScenario(long id, String name, long budget, List<ScenarioLine> lines) {
        return jdbc.sql("UPDATE prio_scenario SET name = :name, budget = :budget, lines = :lines WHERE id = :id")
                .param("name", name).param("budget", budget).param("lines", JSON.writeValueAsString(lines))
                .param("id", id).update() == 1;
    }

    /** Deletes a scenario; false when there is no such scenario. */
    boolean deleteScenario(long id) {
        return jdbc.sql("DELETE FROM prio_scenario WHERE id = :id").param("id", id).update() == 1;
    }

    /** The scenarios of a municipality, the latest first. */
    List<Scenario> scenarios(String municipalityCode) {
        return jdbc.sql("SELECT " + SCENARIO_COLUMNS
                        + " FROM prio_scenario WHERE municipality_code = :municipality ORDER BY created_at DESC, id DESC")
                .param("municipality", municipalityCode).query((rs, n) -> scenario(rs)).list();
    }

    Optional<Scenario> scenario(long id) {
        return jdbc.sql("SELECT " + SCENARIO_COLUMNS + " FROM prio_scenario WHERE id = :id")
                .param("id", id).query((rs, n) -> scenario(rs)).optional();
    }

    private static Scenario scenario(ResultSet rs) throws SQLException {
        List<ScenarioLine> lines = List.of(JSON.readValue(rs.getString("lines"), ScenarioLine[].class));
        return new Scenario(rs.getLong("id"), rs.getString("municipality_code"), rs.getLong("process_id"),
                rs.getInt("version_no"), rs.getString("name"), rs.getLong("budget"), lines, rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private static PriorityProcess process(ResultSet rs) throws SQLException {
        String focus = rs.getString("focus_areas");
        String limits = rs.getString("cost_limits");
        return new PriorityProcess(rs.getLong("id"), rs.getString("name"),
                new Scope(ScopeType.valueOf(rs.getString("scope_type")), rs.getString("scope_code")),
                focus == null || focus.isBlank() ? List.of() : Arrays.asList(focus.split(",")),
                rs.getString("purpose"), rs.getString("members"), PriorityMode.valueOf(rs.getString("mode")),
                ProcessStatus.valueOf(rs.getString("status")),
                JSON.readValue(rs.getString("parameters"), RankParameters.class),
                new CostBands(rs.getString("cost_unit"), limits == null || limits.isBlank() ? List.of()
                        : Arrays.stream(limits.split(",")).map(Long::valueOf).toList()),
                rs.getInt("published_version"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Pair pair(ResultSet rs) throws SQLException {
        String severity = rs.getString("severity");
        String decision = rs.getString("decision");
        return new Pair(rs.getLong("id"), rs.getLong("process_id"), rs.getString("condition_text"),
                rs.getString("target_group"), rs.getString("intervention_code"), rs.getString("intervention_text"),
                Benefit.valueOf(rs.getString("benefit")), rs.getString("benefit_rationale"),
                CostLevel.valueOf(rs.getString("cost")), rs.getString("cost_rationale"),
                Certainty.valueOf(rs.getString("certainty")), rs.getString("certainty_rationale"),
                severity == null ? null : Severity.valueOf(severity), rs.getString("severity_rationale"),
                rs.getBoolean("statutory"), rs.getString("statutory_reference"), rs.getString("method_entry"),
                rs.getString("guideline_entry"), decision == null ? null : Recommendation.fromCode(decision).orElse(null),
                rs.getString("decision_rationale"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("condition_kind"), rs.getString("activity_kind"));
    }

    static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
