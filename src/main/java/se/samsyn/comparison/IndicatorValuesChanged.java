package se.samsyn.comparison;

import java.util.Set;

/** Published after values of these indicators were imported or changed, so that results are refreshed. */
public record IndicatorValuesChanged(Set<String> indicatorIds) {
}
