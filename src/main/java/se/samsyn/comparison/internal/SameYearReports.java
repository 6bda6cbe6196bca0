package se.samsyn.comparison.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.Template;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PublishedCountsPending;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * What the calendar-year outcome report publishes of the clients an outcome indicator counts
 * (ADR 0015, "One year's report and indicators"): an improved share or median change of an
 * instrument (and intervention) in a year counts, per municipality, region or the nation and per
 * sex, the clients with a baseline and a follow-up of the instrument in that year, and the report
 * of that instrument, scope and year counts the same clients in its row of all interventions (or
 * of the indicator's intervention) wherever each of them has an intervention. The report is read as
 * a national analyst reads it (suppression applied, an audited read by {@link Actor#SYSTEM}), in
 * the refresh only, never on a request.
 */
@Component
class SameYearReports {

    private static final Logger log = LoggerFactory.getLogger(SameYearReports.class);

    private static final Actor READER = new Actor(Actor.SYSTEM, Role.NATIONAL_ANALYST, Scope.nation());

    private final ObjectProvider<OutcomeReports> reports;

    SameYearReports(ObjectProvider<OutcomeReports> reports) {
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
     * indicator counts no report's clients or no report can be read (then nothing is known of it).
     */
    Map<Suppression.Cell, Integer> published(Indicator indicator, int year, Collection<ResultRow> rows) {
        Map<Suppression.Cell, Integer> cells = new LinkedHashMap<>();
        OutcomeReports source = reports.getIfAvailable();
        if (source == null || !countsReportClients(indicator)) {
            return cells;
        }
        Map<String, Scope> scopes = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            Scope scope = switch (row.areaKind()) {
                case "municipality" -> Scope.municipality(row.areaCode());
                case "region" -> row.areaCode().length() == 4 ? Scope.region(row.areaCode().substring(2)) : null;
                case "nation" -> Scope.nation();
                default -> null;
            };
            if (scope != null) {
                scopes.putIfAbsent(row.areaCode(), scope);
            }
        }
        scopes.forEach((area, scope) -> {
            OutcomeReport report;
            try {
                report = source.outcomes(READER, indicator.instrumentCode(), LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31), scope);
            } catch (FollowupRejected | PublishedCountsPending | IllegalArgumentException
                     | java.util.NoSuchElementException e) {
                log.debug("No outcome report of {} for {} in {}: {}", indicator.instrumentCode(), scope, year, e.getMessage());
                return;
            }
            for (OutcomeReport.Row row : report.rows()) {
                if (Objects.equals(row.interventionCode(), indicator.interventionCode())) {
                    row.cells().forEach((sex, cell) ->
                            cells.put(new Suppression.Cell(area, sex), cell.suppressed() ? null : cell.n()));
                }
            }
        });
        return cells;
    }
}
