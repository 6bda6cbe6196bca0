package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.ResultRow;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PublishedOutcomeCounts;
import se.samsyn.followup.PublishedOutcomes;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The outcome indicators follow the stored outcome reports over time (ADR 0015, "One year's report
 * and indicators"), on the demo data (H2): follow-up data changes, the indicators are refreshed
 * while the stored reports are still the old ones, then the reports are stored anew; their
 * announcement ({@code OutcomeReportsPublished}, after commit) requests a re-marking, and after
 * the next gathered refresh every municipality, region and nation cell of every outcome indicator
 * is hidden exactly where the stored report of the same year hides it (where both count the same
 * clients: the same n). The unaudited counts the marking reads are those of the report a national
 * analyst is shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data",
                "samsyn.comparison.refresh-delay=1000d", "samsyn.followup.outcome-protection-delay=1000d"})
class OutcomeIndicatorRemarkH2IntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "outcome_indicator_remark");
    }

    @Autowired
    ComparisonRepository repository;

    @Autowired
    PublishedOutcomes published;

    @Autowired
    ResultRefresh refresh;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutcomeReports reports;

    @Test
    void afterTheStoredReportsChangeTheOutcomeIndicatorsHideWhatTheyHide() throws Exception {
        published.refreshNow();
        refresh.refreshComputedNow();
        assertThat(disagreements()).as("both current").isEmpty();
        assertThat(published.counts("who5", null, 2025)).isPresent();
        // the unaudited counts are the n of the report a reader outside the owning unit is shown
        Actor analyst = new Actor("analyst", Role.NATIONAL_ANALYST, Scope.nation());
        Map<Scope, Map<String, Integer>> counts = published.counts("who5", null, 2025).orElseThrow().n();
        for (Scope scope : List.of(Scope.nation(), Scope.region("12"), Scope.municipality("1280"))) {
            OutcomeReport.Row all = reports.outcomes(analyst, "who5", LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 12, 31), scope).rows().get(0);
            assertThat(all.interventionCode()).isNull();
            Map<String, Integer> shown = new java.util.LinkedHashMap<>();
            all.cells().forEach((sex, cell) -> shown.put(sex, cell.suppressed() ? null : cell.n()));
            assertThat(counts.get(scope)).as(scope.toString()).isEqualTo(shown);
        }

        // a change: the follow-ups of 2025 of every third client removed
        int removed = jdbc.sql("""
                UPDATE fup_measurement SET removed_at = CURRENT_TIMESTAMP
                WHERE time_point <> 'baseline' AND EXTRACT(YEAR FROM measured_on) = 2025 AND MOD(client_id, 3) = 0""")
                .update();
        assertThat(removed).isPositive();
        // the indicators counted anew while the stored reports are the old ones
        refresh.refreshComputedNow();

        published.refreshNow();
        // the stored reports are new; the indicators were marked against the old ones
        List<String> before = disagreements();
        // the announcement arrives after the reports' commit, asynchronously: a remark request
        for (int i = 0; i < 200 && remarkRequests() == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(remarkRequests()).as("remark requests").isPositive();
        refresh.refreshChangedFollowup();

        assertThat(before).as("cells hidden otherwise than the new reports hide them, before the re-marking")
                .isNotEmpty();
        assertThat(remarkRequests()).isZero();
        assertThat(disagreements()).isEmpty();
    }

    private long remarkRequests() {
        return jdbc.sql("SELECT COUNT(*) FROM cmp_refresh_pending WHERE scope LIKE 'remark:%'").query(Long.class).single();
    }

    /**
     * Every cell of an outcome indicator with clients whose status disagrees with the stored report
     * of the same year: the report hides it and the indicator shows it, or both count the same n
     * and only the indicator hides it.
     */
    private List<String> disagreements() {
        List<String> found = new ArrayList<>();
        for (Indicator indicator : repository.indicators()) {
            if (!SameYearReports.countsReportClients(indicator)) {
                continue;
            }
            for (int year : repository.years(indicator.id())) {
                Map<Scope, Map<String, Integer>> report = published.counts(indicator.instrumentCode(),
                        indicator.interventionCode(), year).map(PublishedOutcomeCounts::n).orElse(Map.of());
                for (ResultRow row : repository.results(indicator.id(), year)) {
                    Scope scope = switch (row.areaKind()) {
                        case "municipality" -> Scope.municipality(row.areaCode());
                        case "region" -> Scope.region(row.areaCode().substring(2));
                        case "nation" -> Scope.nation();
                        default -> null;
                    };
                    Map<String, Integer> bySex = scope == null ? null : report.get(scope);
                    if (bySex == null || !bySex.containsKey(row.gender()) || row.n() == null || row.n() == 0) {
                        continue;
                    }
                    Integer n = bySex.get(row.gender());
                    boolean hidden = ResultRow.SUPPRESSED.equals(row.status());
                    if ((n == null && !hidden) || (Objects.equals(n, row.n()) && hidden)) {
                        found.add(indicator.id() + " " + year + " " + row.areaCode() + " " + row.gender() + " n "
                                + row.n() + (n == null ? " hidden by the report" : " shown by the report"));
                    }
                }
            }
        }
        return found;
    }
}
