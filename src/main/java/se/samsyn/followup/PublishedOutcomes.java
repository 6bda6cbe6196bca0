package se.samsyn.followup;

/**
 * The outcome reports as published outside the owning unit, which are computed in the background
 * after a change and stored (ADR 0015): within a minute or so of an announced follow-up change
 * ({@code samsyn.followup.outcome-protection-delay}), on one instance at a time.
 */
public interface PublishedOutcomes {

    /**
     * Computes every stored outcome report from the clients now and stores it, protecting anew only
     * the regions whose counts changed; for tests and operations, since the gathered refresh does
     * it by itself.
     *
     * @return how many regions' systems were protected anew
     */
    int refreshNow();

    /**
     * The published n of one row of the stored calendar-year reports of an instrument and year,
     * per nation, region and municipality and sex, read in one query without audit: protected
     * aggregates, as every reader outside the owning unit sees them (for the comparison refresh,
     * which hides in a year's outcome indicators what the same year's report hides, ADR 0015).
     *
     * @param instrumentCode   the instrument's code, e.g. {@code who5}
     * @param interventionCode the row of one intervention, or null for the row of all interventions
     * @param year             the calendar year of the report
     * @return empty while no report is stored yet (before the first refresh)
     */
    java.util.Optional<PublishedOutcomeCounts> counts(String instrumentCode, String interventionCode, int year);

    /**
     * Every row of the stored calendar-year reports of an instrument and year at every scope, with
     * the true counts of the hidden cells and the reports' relations ({@link PublishedOutcomeTable}),
     * read without audit: for the comparison refresh only, which protects the same year's outcome
     * indicators in one system with the whole report (ADR 0015). Carries hidden true counts: never
     * to be published or exposed over HTTP.
     *
     * @param instrumentCode the instrument's code, e.g. {@code who5}
     * @param year           the calendar year of the report
     * @return empty while no report is stored yet, or none of the instrument and year
     */
    java.util.Optional<PublishedOutcomeTable> table(String instrumentCode, int year);
}
