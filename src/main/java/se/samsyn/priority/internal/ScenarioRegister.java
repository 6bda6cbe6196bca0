package se.samsyn.priority.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.PublishedCountsPending;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PublishedYears;
import se.samsyn.organisation.Organisation;
import se.samsyn.priority.Coverage;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PriorityNotFound;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.PublishedList;
import se.samsyn.priority.ResourceScenarios;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import se.samsyn.shared.SwedishTime;

/**
 * The resource scenarios of {@link ResourceScenarios}: coverage by {@link BudgetCoverage}, client
 * counts from follow-up's {@link OutcomeReports}, scenarios stored by {@link PriorityRepository}
 * with their lines as JSON, and every save audited.
 */
@Service
class ScenarioRegister implements ResourceScenarios {

    private final PriorityProcesses processes;
    private final OutcomeReports outcomes;
    private final Organisation organisation;
    private final PriorityRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    ScenarioRegister(PriorityProcesses processes, OutcomeReports outcomes, Organisation organisation,
                     PriorityRepository repository, AuditTrail audit, Clock clock) {
        this.processes = processes;
        this.outcomes = outcomes;
        this.organisation = organisation;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean mayRun(Actor actor) {
        return actor != null && actor.scope().type() == ScopeType.MUNICIPALITY
                && PriorityAccess.mayRunScenario(actor, actor.scope().code());
    }

    /**
     * A new scenario on the latest version of a published list: no cost yet, and the number of
     * clients prefilled from the municipality's follow-up data of {@link #clientCountPeriod} where
     * the intervention is in the catalogue and the count is not suppressed; nothing prefilled while
     * the year's protected counts are not stored yet ({@link PublishedCountsPending}).
     */
    @Override
    @Transactional
    public ScenarioView start(Actor actor, long processId) {
        String municipality = municipalityOf(actor);
        PublishedList list = processes.published(processId, null);
        Map<String, Integer> counts;
        boolean pending = false;
        try {
            counts = outcomes.clientsPerIntervention(actor, Scope.municipality(municipality), clientCountPeriod());
        } catch (PublishedCountsPending notYet) {
            // the year's protected counts are not stored yet (first start, the first minute of a new
            // year): the scenario starts with nothing prefilled rather than failing, and says why
            counts = Map.of();
            pending = true;
        }
        List<ScenarioLine> lines = new ArrayList<>();
        for (PairView p : list.pairs()) {
            Integer n = p.pair().interventionCode() == null ? null : counts.get(p.pair().interventionCode());
            lines.add(new ScenarioLine(p.pair().id(), 0, n == null ? 0 : n));
        }
        Scenario draft = new Scenario(0, municipality, processId, list.version(), "", 0, lines, actor.username(),
                Instant.now(clock));
        return new ScenarioView(draft, list, BudgetCoverage.calculate(0, coverageLines(list, lines)), pending);
    }

    /** The last completed calendar year ({@link PublishedYears#clientCounts}) on today's date. */
    @Override
    public PublishedYears clientCountPeriod() {
        return PublishedYears.clientCounts(SwedishTime.today(clock));
    }

    /** Calculates coverage without saving. */
    @Override
    @Transactional(readOnly = true)
    public ScenarioView calculate(Actor actor, long processId, int version, String name, long budget,
                                  List<ScenarioLine> lines) {
        String municipality = municipalityOf(actor);
        PublishedList list = processes.published(processId, version);
        List<ScenarioLine> valid = valid(list, budget, lines);
        Scenario draft = new Scenario(0, municipality, processId, version, name == null ? "" : name, budget, valid,
                actor.username(), Instant.now(clock));
        return new ScenarioView(draft, list, BudgetCoverage.calculate(budget, coverageLines(list, valid)));
    }

    @Override
    @Transactional
    public ScenarioView save(Actor actor, long processId, int version, String name, long budget,
                             List<ScenarioLine> lines) {
        String municipality = municipalityOf(actor);
        String title = title(name);
        PublishedList list = processes.published(processId, version);
        List<ScenarioLine> valid = valid(list, budget, lines);
        Instant now = Instant.now(clock);
        long id = repository.insertScenario(new Scenario(0, municipality, processId, version, title, budget, valid,
                actor.username(), now));
        audit.record(AuditRecord.of("PRIORITY_SCENARIO_SAVED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("scenario", String.valueOf(id)).municipality(municipality)
                .details("list=" + processId + "; version=" + version + "; budget=" + budget).build());
        return scenario(actor, id);
    }

    @Override
    @Transactional
    public ScenarioView update(Actor actor, long id, String name, long budget, List<ScenarioLine> lines) {
        Scenario saved = scenario(actor, id).scenario();
        String title = title(name);
        PublishedList list = processes.published(saved.processId(), saved.version());
        List<ScenarioLine> valid = valid(list, budget, lines);
        repository.updateScenario(id, title, budget, valid);
        audit.record(AuditRecord.of("PRIORITY_SCENARIO_CHANGED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("scenario", String.valueOf(id)).municipality(saved.municipalityCode())
                .details("list=" + saved.processId() + "; version=" + saved.version() + "; budget=" + budget).build());
        return scenario(actor, id);
    }

    @Override
    @Transactional
    public void delete(Actor actor, long id) {
        Scenario saved = scenario(actor, id).scenario();
        repository.deleteScenario(id);
        audit.record(AuditRecord.of("PRIORITY_SCENARIO_DELETED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("scenario", String.valueOf(id)).municipality(saved.municipalityCode())
                .details("list=" + saved.processId() + "; version=" + saved.version()).build());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Scenario> scenarios(Actor actor) {
        String municipality = municipalityOf(actor);
        return repository.scenarios(municipality);
    }

    @Override
    @Transactional(readOnly = true)
    public ScenarioView scenario(Actor actor, long id) {
        String municipality = municipalityOf(actor);
        Scenario s = repository.scenario(id).filter(x -> x.municipalityCode().equals(municipality))
                .orElseThrow(() -> new PriorityNotFound("scenario"));
        PublishedList list = processes.published(s.processId(), s.version());
        return new ScenarioView(s, list, BudgetCoverage.calculate(s.budget(), coverageLines(list, s.lines())));
    }

    private String municipalityOf(Actor actor) {
        if (!mayRun(actor) || !organisation.exists(actor.scope())) {
            throw new AccessDeniedException("Resource scenarios are run by a municipality's director and analysts");
        }
        return actor.scope().code();
    }

    /** The stripped name; empty or over 200 characters is rejected on {@code name}. */
    private static String title(String name) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new PriorityRejected("name", "priority.error.required");
        }
        return title;
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
}
