package se.samsyn.knowledge;

/** A facet value with the number of hits it would give. {@code selected} when it filters the search. */
public record FacetValue(String value, int count, boolean selected) {
}
