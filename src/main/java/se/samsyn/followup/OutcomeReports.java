package se.samsyn.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;

/**
 * Outcome and needs reports at unit, municipality, region and national level. Statistics are
 * computed from per-client pairs (earliest baseline, latest follow-up in the period), so the
 * median change is the median of the clients' changes. Reports never contain a client. A report
 * of a scope outside the actor's own is refused with {@code AccessDeniedException} (403); counts
 * under the suppression threshold ({@code samsyn.suppression-threshold}, 5 by default) are hidden
 * for everyone but the staff of the unit that owns them.
 */
public interface OutcomeReports {

    /** The scope a report covers when none is asked for: the actor's own. */
    Scope defaultScope(Actor actor);

    /**
     * Whether the actor may ask for a report of the scope (the actor's own when null) over any
     * period: only the staff of the unit that owns the counts, who see them unsuppressed. Everyone
     * else gets one whole calendar year at a time (1 January to 31 December), since two reports
     * over periods that differ a little could be subtracted to reveal the counts both hide (ADR
     * 0015, "Periods").
     */
    boolean periodsFree(Actor actor, Scope scope);

    /**
     * The outcomes of one instrument in a scope (the actor's own when null) over a period: one row
     * for all interventions and one per intervention, each with cells for all (T), women (K) and
     * men (M), and the distribution of scores before and after; an audited read. Outside the
     * owning unit the report was computed in the background after the last change and stored
     * (hidden cells chosen with every report of its region, and the nation's with its regions'),
     * so it is as of {@link #outcomesAsOf()} and comes back with
     * {@link OutcomeReport#asOfLastRefresh} set; the owning unit's own is computed on the spot.
     *
     * @throws PublishedCountsPending outside the owning unit while nothing is stored yet (503)
     * @throws FollowupRejected {@code instrument} for an unknown instrument, {@code to} for a missing
     *         or reversed period, {@code from} with {@code followup.error.period-year} for a period
     *         other than one whole calendar year when {@link #periodsFree} is false
     */
    OutcomeReport outcomes(Actor actor, String instrumentCode, LocalDate from, LocalDate to, Scope scope);

    /**
     * When the clients of the stored outcome reports (those read outside the owning unit) were
     * read; empty before the first background refresh.
     */
    Optional<Instant> outcomesAsOf();

    /**
     * National outcomes per intervention code, all sexes together, from the stored aggregate; not
     * for publication: its cells are hidden only under the threshold, apart from the nation's outcome
     * report, and set against that report and the regions' they give hidden counts away (ADR 0015,
     * "Practice outcomes and the nation's report"). The priority pages read
     * {@link PracticeOutcomes#published} instead; this read is kept for the tests and benchmarks that
     * check the stored aggregate against the direct pairing. A cell under the threshold comes back
     * with {@code suppressed} set and no figures. Nothing individual leaves the method.
     * Read from the stored aggregate of {@link PracticeOutcomes} (so as fresh as its last refresh):
     * a client counts when its latest follow-up lies in the period (the priority list asks for
     * {@link PublishedYears#practiceOutcomes}, which is summed in advance); the cells carry n, the median
     * change and the share improved, while the median baseline and follow-up are null.
     */
    Map<String, OutcomeReport.Cell> nationalOutcomesByIntervention(String instrumentCode, LocalDate from,
                                                                   LocalDate to);

    /**
     * The number of clients per intervention code whose intervention was ongoing at some time in the
     * whole calendar years {@code years} (started on or before their last day and not ended before
     * their first), in a scope the actor may see; outside the owning unit, counts under the threshold
     * are null, and so are the counts that would give one away against the same counts of the
     * scopes around it (the nation, regions, municipalities and units are protected together, ADR
     * 0015). Whole years only, so that two reads cannot be subtracted (ADR 0015, "Periods").
     */
    Map<String, Integer> clientsPerIntervention(Actor actor, Scope scope, PublishedYears years);

    /**
     * The latest needs level per client and life area, counted per level 0–4, and the goals per
     * status ({@code open} for none yet), in a scope (the actor's own when null); an audited read.
     * Outside the owning unit a hidden count is null: the counts under the threshold and those that
     * would give one away against the reports of the scopes around it (ADR 0015).
     */
    NeedsReport needs(Actor actor, Scope scope);
}
