package se.samsyn.prevention;

import java.time.YearMonth;
import java.util.List;

/**
 * An activity's reach for its page: the stored rows, the totals per month, and per year the
 * participants against the target population (persons in its age bands and sex in the
 * municipality, from organisation's population statistics of the nearest year with figures, or
 * the described group's estimated size).
 *
 * @param rows   every stored row, by month, sex and band
 * @param months per month: participants and contacts
 * @param years  per calendar year: participants, the target population and reach per 1,000 of it
 */
public record ReachSummary(List<ReachRow> rows, List<Month> months, List<Year> years) {

    /** One month's totals. */
    public record Month(YearMonth month, int participants, int contacts) {
    }

    /**
     * One year's reach.
     *
     * @param population     persons in the target group, or null when unknown
     * @param populationYear the year of the population figures, or null for an estimated size
     * @param per1000        participants per 1,000 of the target group, or null when unknown
     */
    public record Year(int year, int participants, int contacts, Integer population, Integer populationYear,
                       Double per1000) {
    }
}
