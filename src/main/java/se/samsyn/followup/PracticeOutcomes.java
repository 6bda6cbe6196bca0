package se.samsyn.followup;

import java.util.Collection;

/**
 * The stored national practice outcomes ({@code fup_practice_outcome}, V133) behind
 * {@link OutcomeReports#nationalOutcomesByIntervention}: per municipality, instrument,
 * intervention, date of each client's latest follow-up and change since the earliest baseline, the
 * number of clients. Reading them costs what the answer costs (a few rows per intervention and day),
 * not the number of clients. They are rebuilt with the comparison results, per municipality whose
 * follow-up data changed, so they are as fresh as those ({@code samsyn.comparison.refresh-delay}).
 * Each refresh rebuilds the same municipalities' stored calendar-year outcomes too
 * ({@code fup_outcome_year}, V140), from which a region's and the nation's outcome report
 * ({@link OutcomeReports#outcomes}) are summed.
 */
public interface PracticeOutcomes {

    /**
     * Rebuilds the stored rows of the given municipalities (codes such as {@code 1280}) from their
     * follow-up data, in the caller's transaction; unknown codes and an empty collection do nothing.
     */
    void refresh(Collection<String> municipalityCodes);

    /** Rebuilds the stored rows of every municipality, in the caller's transaction. */
    void refreshAll();
}
