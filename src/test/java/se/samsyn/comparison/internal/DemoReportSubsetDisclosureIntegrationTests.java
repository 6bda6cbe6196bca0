package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.comparison.ResultRow;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PublishedOutcomes;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The report counts a subset of an outcome indicator's clients (ADR 0015, "One year's report and
 * indicators"), on the demo data (H2): the only intervention of a client with a WHO-5 pair in 2025
 * is removed through the correction service, so the client stays in the indicators and leaves the
 * reports of the years it had a follow-up in. Where the client counted, the report's n is one less
 * than the indicator's, and the attacker of {@link DemoIndicatorReportDisclosureIntegrationTests}
 * knows only report n ≤ indicator n there (equality everywhere else); no hidden count of either may
 * be narrowed below the protection level.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data",
                "samsyn.comparison.refresh-delay=1000d"})
class DemoReportSubsetDisclosureIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "demo_report_subset");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EntryCorrections corrections;

    @Autowired
    PublishedOutcomes publishedOutcomes;

    @Autowired
    ComparisonRepository results;

    @Autowired
    OutcomeReports reports;

    @Autowired
    Organisation organisation;

    @Autowired
    ResultRefresh refresh;

    @Test
    void aClientWithoutAnInterventionInTheIndicatorOnlyLeavesNoHiddenCountExposed() {
        // a client with a WHO-5 baseline and follow-up in 2025 and one live intervention
        Client client = jdbc.sql("""
                SELECT c.id, c.municipality_code, c.unit_code, c.legal_sex, i.id
                FROM fup_client c JOIN fup_intervention i ON i.client_id = c.id AND i.municipality_code = c.municipality_code
                WHERE i.removed_at IS NULL
                  AND 1 = (SELECT COUNT(*) FROM fup_intervention o WHERE o.client_id = c.id AND o.removed_at IS NULL)
                  AND EXISTS (SELECT 1 FROM fup_measurement b WHERE b.client_id = c.id AND b.removed_at IS NULL
                      AND b.instrument_code = 'who5' AND b.time_point = 'baseline' AND EXTRACT(YEAR FROM b.measured_on) = 2025)
                  AND EXISTS (SELECT 1 FROM fup_measurement f WHERE f.client_id = c.id AND f.removed_at IS NULL
                      AND f.instrument_code = 'who5' AND f.time_point <> 'baseline' AND EXTRACT(YEAR FROM f.measured_on) = 2025)
                ORDER BY c.id FETCH FIRST 1 ROWS ONLY""")
                .query((rs, i) -> new Client(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .single();
        publishedOutcomes.refreshNow();
        refresh.refreshComputedNow();
        String county = jdbc.sql("SELECT county_code FROM org_municipality WHERE code = :code")
                .param("code", client.municipality()).query(String.class).single();
        Map<Integer, Integer> before = reportClients(client.municipality());
        List<Integer> indicatorBefore = indicatorN(client.municipality(), 2025);

        Actor staff = new Actor("subset-tester", Role.CASE_WORKER, Scope.unit(client.unit()));
        corrections.removeIntervention(staff, client.id(), client.intervention(), "Registrerad på fel klient",
                ChangeSource.API);
        publishedOutcomes.refreshNow();
        refresh.refreshComputedNow();

        // the client left the report of 2025 (and of any other year it had a follow-up in) and stayed in the indicator
        Map<Integer, Integer> after = reportClients(client.municipality());
        assertThat(after.get(2025)).isEqualTo(before.get(2025) - 1);
        assertThat(indicatorN(client.municipality(), 2025)).isEqualTo(indicatorBefore);
        Set<String> subset = new LinkedHashSet<>();
        // the years the client left: there the report counts at most the indicator's, in the client's
        // municipality, region and nation, all and the client's sex; elsewhere both count the same clients
        for (int year : results.years("S00001")) {
            if (!before.getOrDefault(year, 0).equals(after.getOrDefault(year, 0))) {
                assertThat(after.getOrDefault(year, 0)).isEqualTo(before.get(year) - 1);
                for (String area : List.of(client.municipality(), "00" + county, "0000")) {
                    for (String sex : List.of("T", client.sex())) {
                        subset.add(year + " ind|" + area + "|" + sex);
                    }
                }
            }
        }
        assertThat(subset).contains("2025 ind|" + client.municipality() + "|T").doesNotContain("2024 ind|0000|T");
        assertThat(DemoIndicatorReportDisclosureIntegrationTests.exposed(results, reports, organisation, subset)).isEmpty();
    }

    /** The municipality's clients in the stored WHO-5 reports (all interventions), per year: each counts once with its baseline. */
    private Map<Integer, Integer> reportClients(String municipality) {
        Map<Integer, Integer> clients = new TreeMap<>();
        jdbc.sql("""
                SELECT period_year, SUM(clients) FROM fup_outcome_year
                WHERE municipality_code = :m AND instrument_code = 'who5' AND intervention_code = '*' AND measure = 'B'
                GROUP BY period_year""")
                .param("m", municipality)
                .query((rs, i) -> clients.put(rs.getInt(1), rs.getInt(2)))
                .list();
        return clients;
    }

    private List<Integer> indicatorN(String municipality, int year) {
        return results.results("S00001", year).stream().filter(r -> r.areaCode().equals(municipality))
                .map(ResultRow::n).toList();
    }

    private record Client(long id, String municipality, String unit, String sex, long intervention) {
    }
}
