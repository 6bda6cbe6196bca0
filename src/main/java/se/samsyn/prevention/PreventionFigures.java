package se.samsyn.prevention;

import java.util.List;
import se.samsyn.shared.Actor;

/**
 * Aggregates for other pages and modules: a municipality's balance of casework and preventive
 * work, and the national evidence per activity kind for priority setting.
 */
public interface PreventionFigures {

    /** Whether the actor sees the municipality's balance: analysts, directors and administrators whose scope covers it, and its units' staff. */
    boolean maySeeBalance(Actor actor, String municipalityCode);

    /**
     * Per year (the last {@code years} calendar years up to this year) and focus area: casework clients
     * beside preventive reach, counts under 5 withheld.
     *
     * @throws ActivityNotFound when the actor may not see the municipality
     */
    List<BalanceRow> balance(Actor actor, String municipalityCode, int years);

    /**
     * The national practice evidence of a kind (every municipality, every year); a kind without reach
     * has zeros. The anonymous outcome's improved count and share are withheld (null, {@code suppressed})
     * under 5 pairs, and also while any activity counted in it withholds its own result (1 to 4 pairs),
     * so that they cannot be differenced against the activities' own results (ADR 0015, "Preventive pairs").
     */
    KindEvidence evidence(String kindCode);
}
