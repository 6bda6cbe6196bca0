package se.samsyn.priority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.samsyn.followup.PublishedYears;
import se.samsyn.shared.Actor;

/**
 * Resource scenarios: a municipality applies its budget (kronor per year) to a published list,
 * with a cost per client and year and a number of clients per pair, and sees which ranks are
 * covered ({@link Coverage}). Client counts can be prefilled from the municipality's own
 * follow-up data. Scenarios are saved per municipality and can be compared.
 *
 * <p>Scenarios are run by a municipality's social director and municipal analysts, in their own
 * municipality; anyone else gets {@code AccessDeniedException} (403). A budget outside 0 … 10^12
 * is {@link PriorityRejected} on {@code budget}, a line with a cost outside 0 … 10^8 or clients
 * outside 0 … 10^6 on {@code lines} ({@code priority.error.budget}, {@code priority.error.line}).
 */
public interface ResourceScenarios {

    /** One pair's input in a scenario: cost per client and year in kronor, and the number of clients. */
    record ScenarioLine(long pairId, long costPerClient, int clients) {
    }

    /**
     * A scenario as saved (id 0 for one not saved): the municipality, the list and version it
     * applies, its name, the budget in kronor and one line per pair of the list.
     */
    record Scenario(long id, String municipalityCode, long processId, int version, String name, long budget,
                    List<ScenarioLine> lines, String createdBy, Instant createdAt) {
    }

    /**
     * The calendar year whose follow-up data prefill a new scenario's numbers of clients: the last
     * completed year on today's date (on any day of 2026, 2025), fixed so that two days' counts
     * cannot be subtracted (ADR 0015).
     */
    PublishedYears clientCountPeriod();

    /**
     * A scenario (or an unsaved draft of one) with its list and the calculated coverage.
     * {@code countsPending} is true only for a new draft ({@link #start}) whose client counts could
     * not be prefilled because the year's protected counts are not stored yet; it is not part of the
     * API's answer.
     */
    record ScenarioView(Scenario scenario, PublishedList list, Coverage result,
                        @com.fasterxml.jackson.annotation.JsonIgnore boolean countsPending) {

        /** A scenario whose counts were prefilled, or that was not prefilled at all (saved or calculated). */
        public ScenarioView(Scenario scenario, PublishedList list, Coverage result) {
            this(scenario, list, result, false);
        }

        /** The pair and its input for each line, in rank order, then by condition. */
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
            rows.sort(Comparator.comparingInt((Row r) -> r.pair().effective().order())
                    .thenComparing(r -> r.pair().pair().condition()));
            return rows;
        }
    }

    /** One row of a scenario: the pair and what the budget does for it. */
    record Row(PairView pair, Coverage.LineResult result) {
    }

    /** Whether the actor runs resource scenarios: a social director or municipal analyst of a municipality. */
    boolean mayRun(Actor actor);

    /**
     * A new scenario on the latest version of a published list: no cost yet, and the number of
     * clients prefilled from the municipality's follow-up data over the last year where the
     * intervention is in the catalogue and the count is not suppressed. While that year's protected
     * counts are not stored yet (the first start, the first minutes of a new year) nothing is
     * prefilled and the view says so ({@link ScenarioView#countsPending}).
     *
     * @throws PriorityNotFound no such published list
     */
    ScenarioView start(Actor actor, long processId);

    /** Calculates coverage without saving; lines for pairs the list lacks are ignored, missing ones are 0. */
    ScenarioView calculate(Actor actor, long processId, int version, String name, long budget, List<ScenarioLine> lines);

    /**
     * Saves a scenario, audited.
     *
     * @throws PriorityRejected {@code name} when the name is empty or over 200 characters
     */
    ScenarioView save(Actor actor, long processId, int version, String name, long budget, List<ScenarioLine> lines);

    /**
     * Changes a saved scenario of the actor's municipality: its name, budget and lines, on the list
     * version it was saved with; audited.
     *
     * @throws PriorityNotFound no such scenario in the actor's municipality
     * @throws PriorityRejected {@code name} when the name is empty or over 200 characters, and as {@link #save}
     */
    ScenarioView update(Actor actor, long id, String name, long budget, List<ScenarioLine> lines);

    /**
     * Deletes a saved scenario of the actor's municipality; audited.
     *
     * @throws PriorityNotFound no such scenario in the actor's municipality
     */
    void delete(Actor actor, long id);

    /** The saved scenarios of the actor's municipality, the latest first. */
    List<Scenario> scenarios(Actor actor);

    /**
     * A saved scenario of the actor's municipality with its coverage.
     *
     * @throws PriorityNotFound no such scenario in the actor's municipality
     */
    ScenarioView scenario(Actor actor, long id);
}
