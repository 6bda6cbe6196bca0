package se.samsyn.followup;

import java.util.Collection;
import java.util.Optional;

/**
 * The stored national practice outcomes ({@code fup_practice_outcome}, V133) behind
 * {@link OutcomeReports#nationalOutcomesByIntervention}: per municipality, instrument,
 * intervention, date of each client's latest follow-up and change since the earliest baseline, the
 * number of clients. Reading them costs what the answer costs (a few rows per intervention and day),
 * not the number of clients. They are rebuilt with the comparison results, per municipality whose
 * follow-up data changed, so they are as fresh as those ({@code samsyn.comparison.refresh-delay}).
 * Each refresh refreshes the same municipalities' stored calendar-year outcomes too
 * ({@code fup_outcome_year}, V140), from which a region's and the nation's outcome report
 * ({@link OutcomeReports#outcomes}) are summed.
 *
 * <p>What is published beside the priority list is not that aggregate but {@link #published}: the
 * nation's stored outcome report of the year, so that the list and the report together publish
 * nothing the report alone does not (ADR 0015, "Practice outcomes and the nation's report").
 */
public interface PracticeOutcomes {

    /**
     * Rebuilds the stored rows of the given municipalities (codes such as {@code 1280}) from their
     * follow-up data, in the caller's transaction; unknown codes and an empty collection do nothing.
     */
    default void refresh(Collection<String> municipalityCodes) {
        refresh(municipalityCodes, java.util.Set.of());
    }

    /**
     * Refreshes the stored rows of the given municipalities in the caller's transaction: of those
     * also in {@code byChangedClients}, only what their recorded changed clients contribute
     * (their old pairs subtracted, their new ones added), the others whole. A municipality whose
     * stored pairs are not complete (not rebuilt since they were introduced) is rebuilt whole
     * anyway, so the rows always equal a rebuild.
     *
     * @param municipalityCodes codes such as {@code 1280}; unknown codes and none do nothing
     * @param byChangedClients  those of them whose every change since the last refresh recorded its
     *                          clients ({@link FollowupDataChanged#clientsRecorded()})
     */
    void refresh(Collection<String> municipalityCodes, Collection<String> byChangedClients);

    /** Rebuilds the stored rows of every municipality, in the caller's transaction. */
    void refreshAll();

    /**
     * The nation's outcomes per intervention of one instrument and calendar year as the nation's
     * stored outcome report publishes them (the rows' T cells, hidden where the report hides them),
     * for the priority pages; two small queries, no solver, as of the last background protection.
     *
     * @param instrumentCode such as {@code who5}
     * @param year           a calendar year, such as 2025
     * @return empty before the first background protection has stored any report (the pages say the
     *         figures are not computed yet); a year without a follow-up has no interventions
     * @throws FollowupRejected {@code instrument} for an unknown instrument
     */
    Optional<NationalOutcomes> published(String instrumentCode, int year);
}
