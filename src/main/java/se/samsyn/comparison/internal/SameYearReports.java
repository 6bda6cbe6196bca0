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
import se.samsyn.followup.PublishedOutcomeTable;
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

    /**
     * The same year's whole stored report of the indicator's instrument ({@link PublishedOutcomes#table}),
     * as the joint protection reads it ({@link ReportTable}): the report's row of the indicator's
     * clients (all interventions, or the indicator's intervention) at the nation ({@code 0000}), a
     * region ({@code 00} + county) and a municipality is the cell of the indicator's area and sex;
     * every other row and scope (other interventions, units, clients without a unit) is a cell of
     * its own ({@code <area>/<row>}, or the stored scope key), and so is each distribution bin
     * ({@code <area>/before} or {@code <area>/after} with the bin's number for the sex, such as
     * ({@code 1280/before}, {@code 3})). Empty where {@link #published} is.
     */
    Optional<ReportTable> table(Indicator indicator, int year) {
        PublishedOutcomes source = reports.getIfAvailable();
        if (source == null || !countsReportClients(indicator)) {
            return Optional.empty();
        }
        Optional<PublishedOutcomeTable> stored = source.table(indicator.instrumentCode(), year);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String own = indicator.interventionCode() == null ? "all" : "int:" + indicator.interventionCode();
        java.util.function.Function<se.samsyn.disclosure.Cell, Suppression.Cell> cell = c -> {
            String row = c.item().substring(0, c.item().lastIndexOf('/'));
            String sex = c.item().substring(c.item().lastIndexOf('/') + 1);
            String scope = c.table();
            String code = scope.substring(scope.indexOf(':') + 1);
            String area = "nation".equals(scope) ? "0000" : scope.startsWith("region:") ? "00" + code
                    : scope.startsWith("municipality:") ? code : scope;
            return new Suppression.Cell(area.equals(scope) || !row.equals(own) ? area + "/" + row : area, sex);
        };
        Map<Suppression.Cell, Integer> counts = new LinkedHashMap<>();
        stored.get().counts().forEach((c, n) -> counts.put(cell.apply(c), n));
        java.util.Set<Suppression.Cell> hidden = new java.util.HashSet<>();
        stored.get().hidden().forEach(c -> hidden.add(cell.apply(c)));
        java.util.function.Function<PublishedOutcomeTable.Sum, Suppression.Relation> relation = r ->
                new Suppression.Relation(cell.apply(r.whole()), r.parts().stream().map(cell).toList());
        return Optional.of(new ReportTable(counts, hidden, stored.get().sums().stream().map(relation).toList(),
                stored.get().atMost().stream().map(relation).toList()));
    }
}
