package se.samsyn.competence;

import java.time.YearMonth;
import java.util.Map;
import se.samsyn.shared.Actor;

/**
 * The unit's vacancy reports (open posts per month) and the municipality's workforce facts that
 * open comparisons publish as indicators (ADR 12).
 */
public interface Workforce {

    /**
     * Reports the unit's open posts in a month (0-10000), replacing an earlier report of that month.
     * The unit's manager or the municipality's administrator only; audited.
     */
    void reportVacancies(Actor actor, String unitCode, YearMonth month, int openPosts);

    /** The unit's reported open posts, by month (the same readers). */
    Map<YearMonth, Integer> vacancies(Actor actor, String unitCode);

    /** Recomputes the municipality's workforce facts ({@code cpt_fact_workforce}) and announces {@link WorkforceChanged}. */
    void recompute(String municipalityCode);
}
