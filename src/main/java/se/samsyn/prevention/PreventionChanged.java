package se.samsyn.prevention;

/**
 * Reach or answers of a municipality's preventive activities changed, so the published facts
 * ({@code prv_fact_*}) did. Open comparisons refresh their preventive indicators on it.
 *
 * @param municipalityCode the four-digit SCB code
 */
public record PreventionChanged(String municipalityCode) {
}
