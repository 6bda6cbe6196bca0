package se.samsyn.comparison.internal;

/**
 * Published (in the refreshing transaction) whenever {@link ComparisonEngine} has rewritten stored
 * results, so that this instance's caches of them are emptied once the transaction commits; other
 * instances learn it from the change signal {@link se.samsyn.comparison.Comparisons#RESULTS_CHANGED}.
 */
record ResultsRefreshed() {
}
