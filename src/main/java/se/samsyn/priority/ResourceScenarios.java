package se.samsyn.priority;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import se.samsyn.shared.SwedishTime;

/**
 * Resource scenarios: a municipality applies its budget to a published list, with a cost per
 * client and year and a number of clients per pair, and sees which ranks are covered
 * ({@link Coverage}). Client counts can be prefilled from the municipality's own follow-up data.
 * Scenarios are saved per municipality and can be compared.
 */
@Service
public class ResourceScenarios {

    /** One pair's input in a scenario. */
    public record ScenarioLine(long pairId, long costPerClient, int clients) {
    }

    public record Scenario(long id, String municipalityCode, long processId, int version, String name, long budget,
                           List<ScenarioLine> lines, String createdBy, Instant createdAt) {
    }

    /** A scenario (or an unsaved draft of one) with its list and the calculated coverage. */
    public record ScenarioView(Scenario scenario, PublishedList list, Coverage.Result result) {

        /** The pair and its input for each line, in rank order. */
        public List<Row> rows() {
            Map<Long, Coverage.LineResult> byPair = new HashMap<>();
            result.lines().forEach(l -> byPair.put(l.line().pairId(), l));
            List<Row> rows = new ArrayList<>();
            for (PairView p : list.pairs()) {
                Coverage.LineResult r = byPair.get(p.pair().id());
                if (r != null) {
                    rows.add(new Row(p, r));
                }
            }
            rows.sort(java.util.Comparator.comparingInt((Row r) -> r.pair().effective().order())
                    .thenComparing(r -> r.pair().pair().condition()));
            return rows;
        }
    }

    public record Row(PairView pair, Coverage.LineResult result) {
    }

    private final PriorityProcesses processes;
    private final OutcomeReports outcomes;
    private final Organisation organisation;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ResourceScenarios(PriorityProcesses processes, OutcomeReports outcomes, Organisation organisation, JdbcClient jdbc,
                      AuditTrail audit, Clock clock) {
        this.processes = processes;
        this.outcomes = outcomes;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayRun(Actor actor) {
        return actor != null && actor.scope().type() == ScopeType.MUNICIPALITY
                && PriorityAccess.mayRunScenario(actor, actor.scope().code());
    }

    /**
     * A new scenario on the latest version of a published list: no cost yet, and the number of
     * clients prefilled from the municipality's follow-up data where the intervention is in the
     * catalogue and the count is not suppressed.
     */
    @Transactional
    public ScenarioView start(Actor actor, long processId) {
        String municipality = municipalityOf(actor);
        PublishedList list = processes.published(processId, null);
        Map<String, Integer> counts = outcomes.clientsPerIntervention(actor, Scope.municipality(municipality),
                SwedishTime.today(clock).minusYears(1));
        List<ScenarioLine> lines = new ArrayList<>();
        for (PairView p : list.pairs()) {
            Integer n = p.pair().interventionCode() == null ? null : counts.get(p.pair().interventionCode());
            lines.add(new ScenarioLine(p.pair().id(), 0, n == null ? 0 : n));
        }
        Scenario draft = new Scenario(0, municipality, processId, list.version(), "", 0, lines, actor.username(),
                Instant.now(clock));
        return new ScenarioView(draft, list, Coverage.calculate(0, coverageLines(list, lines)));
    }

    /** Calculates coverage without saving. */
    @Transactional(readOnly = true)
    public ScenarioView calculate(Actor actor, long processId, int version, String name, long budget,
                                  List<ScenarioLine> lines) {
        String municipality = municipalityOf(actor);
        PublishedList list = processes.published(processId, version);
        List<ScenarioLine> valid = valid(list, budget, lines);
        Scenario draft = new Scenario(0, municipality, processId, version, name == null ? "" : name, budget, valid,
                actor.username(), Instant.now(clock));
        return new ScenarioView(draft, list, Coverage.calculate(budget, coverageLines(list, valid)));
    }

    @Transactional
    public ScenarioView save(Actor actor, long processId, int version, String name, long budget,
                             List<ScenarioLine> lines) {
        String municipality = municipalityOf(actor);
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new PriorityRejected("name", "priority.error.required");
        }
        PublishedList list = processes.published(processId, version);
        List<ScenarioLine> valid = valid(list, budget, lines);
        Instant now = Instant.now(clock);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO prio_scenario (municipality_code, process_id, version_no, name, budget, lines, created_by,
                  created_at) VALUES (:municipality, :process, :version, :name, :budget, :lines, :by, :at)""")
                .param("municipality", municipality).param("process", processId).param("version", version)
                .param("name", title).param("budget", budget)
                .param("lines", PriorityRepository.JSON.writeValueAsString(valid)).param("by", actor.username())
                .param("at", PriorityRepository.time(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(AuditRecord.of("PRIORITY_SCENARIO_SAVED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("scenario", String.valueOf(id)).municipality(municipality)
                .details("list=" + processId + "; version=" + version + "; budget=" + budget).build());
        return scenario(actor, id);
    }

    @Transactional(readOnly = true)
    public List<Scenario> scenarios(Actor actor) {
        String municipality = municipalityOf(actor);
        return jdbc.sql("""
                SELECT id, municipality_code, process_id, version_no, name, budget, lines, created_by, created_at
                FROM prio_scenario WHERE municipality_code = :municipality ORDER BY created_at DESC, id DESC""")
                .param("municipality", municipality).query((rs, n) -> scenario(rs)).list();
    }

    @Transactional(readOnly = true)
    public ScenarioView scenario(Actor actor, long id) {
        String municipality = municipalityOf(actor);
        Scenario s = jdbc.sql("""
                SELECT id, municipality_code, process_id, version_no, name, budget, lines, created_by, created_at
                FROM prio_scenario WHERE id = :id""")
                .param("id", id).query((rs, n) -> scenario(rs)).optional()
                .filter(x -> x.municipalityCode().equals(municipality))
                .orElseThrow(() -> new PriorityNotFound("scenario"));
        PublishedList list = processes.published(s.processId(), s.version());
        return new ScenarioView(s, list, Coverage.calculate(s.budget(), coverageLines(list, s.lines())));
    }

    private String municipalityOf(Actor actor) {
        if (!mayRun(actor) || !organisation.exists(actor.scope())) {
            throw new AccessDeniedException("Resource scenarios are run by a municipality's director and analysts");
        }
        return actor.scope().code();
    }

    private static List<ScenarioLine> valid(PublishedList list, long budget, List<ScenarioLine> lines) {
        if (budget < 0 || budget > 1_000_000_000_000L) {
            throw new PriorityRejected("budget", "priority.error.budget");
        }
        Map<Long, ScenarioLine> byPair = new HashMap<>();
        for (ScenarioLine line : lines == null ? List.<ScenarioLine>of() : lines) {
            if (line.costPerClient() < 0 || line.clients() < 0 || line.costPerClient() > 100_000_000L
                    || line.clients() > 1_000_000) {
                throw new PriorityRejected("lines", "priority.error.line");
            }
            byPair.put(line.pairId(), line);
        }
        List<ScenarioLine> valid = new ArrayList<>();
        for (PairView p : list.pairs()) {
            valid.add(byPair.getOrDefault(p.pair().id(), new ScenarioLine(p.pair().id(), 0, 0)));
        }
        return valid;
    }

    private static List<Coverage.Line> coverageLines(PublishedList list, List<ScenarioLine> lines) {
        Map<Long, ScenarioLine> byPair = new HashMap<>();
        lines.forEach(l -> byPair.put(l.pairId(), l));
        List<Coverage.Line> result = new ArrayList<>();
        for (PairView p : list.pairs()) {
            ScenarioLine l = byPair.getOrDefault(p.pair().id(), new ScenarioLine(p.pair().id(), 0, 0));
            result.add(new Coverage.Line(p.pair().id(), p.effective(), p.pair().statutory(), l.costPerClient(),
                    l.clients()));
        }
        return result;
    }

    private static Scenario scenario(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<ScenarioLine> lines = List.of(PriorityRepository.JSON.readValue(rs.getString("lines"), ScenarioLine[].class));
        return new Scenario(rs.getLong("id"), rs.getString("municipality_code"), rs.getLong("process_id"),
                rs.getInt("version_no"), rs.getString("name"), rs.getLong("budget"), lines, rs.getString("created_by"),
                PriorityRepository.instant(rs, "created_at"));
    }
}
