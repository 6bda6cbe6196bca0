package se.samsyn.competence;

/**
 * The workforce facts of a municipality ({@code cpt_fact_workforce}) were recomputed after a change
 * of its staff, vacancies, plans or introductions. Open comparisons refresh their workforce
 * indicators on it.
 *
 * @param municipalityCode the four-digit SCB code
 */
public record WorkforceChanged(String municipalityCode) {
}
