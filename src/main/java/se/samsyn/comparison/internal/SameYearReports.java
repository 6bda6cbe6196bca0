package se.samsyn.comparison.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.Template;
import se.samsyn.followup.PublishedOutcomeCounts;
import se.samsyn.followup.PublishedOutcomes;
import se.samsyn.shared.Scope;

/**
 * What the calendar-year outcome report publishes of the clients an outcome indicator counts
 * (ADR 0015, "One year's report and indicators"): an improved share or median change of an
 * instrument (and intervention) in a year counts, per municipality, region or the nation and per
 * sex, the clients with a baseline and a follow-up of the instrument in that year, and the report
 * of that instrument, scope and year counts the same clients in its row of all interventions (or
 * of the indicator's intervention) wherever each of them has an intervention. The reports are read
 * as stored and published outside the owning unit ({@link PublishedOutcomes#counts}: one unaudited
 * query per indicator and year for every scope, protected aggregates only), in the refresh only,
 * never on a request. When the stored reports change, the comparison module re-marks the outcome
 * indicators of their years ({@code OutcomeReportsPublished}: {@link ResultRefresh}, and
 * {@link RemarkAtStart} for reports stored while the application starts).
 */
@Component
class SameYearReports {

    private static final Logger log = LoggerFactory.getLogger(SameYearReports.class);

    private final ObjectProvider<PublishedOutcomes> reports;

    SameYearReports(ObjectProvider<PublishedOutcomes> reports) {
        this.reports = reports;
    }

    /** Whether the indicator counts the clients of an outcome report (improved share or median change of an instrument). */
    static boolean countsReportClients(Indicator indicator) {
        return indicator.computed() && indicator.instrumentCode() != null
                && (indicator.template() == Template.IMPROVED_SHARE || indicator.template() == Template.MEDIAN_CHANGE);
    }

    /**
     * The report's n of every municipality, region and nation cell among {@code rows} (one year of
     * the indicator): keyed by the indicator's cell (area code as stored, {@code 0000} the nation,
     * {@code 00} + county code a region; gender T, K or M), the published n, or null where the
     * report hides it. Kommungrupper have no report and are left out, as is every cell when the
     * indicator counts no report's clients, a scope has no such row, or no report is stored yet
     * (then the report is not published either, so nothing can be combined; logged at DEBUG).
     */
    Map<Suppression.Cell, Integer> published(Indicator indicator, int year, Collection<ResultRow> rows) {
        Map<Suppression.Cell, Integer> cells = new LinkedHashMap<>();
        PublishedOutcomes source = reports.getIfAvailable();
        if (source == null || !countsReportClients(indicator)) {
            return cells;
        }
        Optional<PublishedOutcomeCounts> stored = source.counts(indicator.instrumentCode(), indicator.interventionCode(),
                year);
        if (stored.isEmpty()) {
            log.debug("No outcome report of {} in {} stored yet: indicator {} marked without it",
                    indicator.instrumentCode(), year, indicator.id());
            return cells;
        }
        Map<Scope, Map<String, Integer>> n = stored.get().n();
        for (ResultRow row : rows) {
            Scope scope = switch (row.areaKind()) {
                case "municipality" -> Scope.municipality(row.areaCode());
                case "region" -> row.areaCode().length() == 4 ? Scope.region(row.areaCode().substring(2)) : null;
                case "nation" -> Scope.nation();
                default -> null;
            };
            Map<String, Integer> bySex = scope == null ? null : n.get(scope);
            if (bySex != null && bySex.containsKey(row.gender())) {
                cells.put(new Suppression.Cell(row.areaCode(), row.gender()), bySex.get(row.gender()));
            }
        }
        return cells;
    }
}
