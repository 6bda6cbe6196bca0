package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;
import se.samsyn.organisation.Organisation;

/**
 * The attack of ADR 0015 on the stored results of every computed indicator and year in the demo
 * data: from what the published view shows (status and n of every cell) and the relations written
 * here from the reference data, every suppressed count is bounded by linear programming
 * ({@link TableAttack}) and must keep the protection level. The demo's results are there, and
 * current, as soon as the application is ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data",
                // the gathered refresh runs once as the application starts and then not again, so the
                // demo's results can only come from the start-up itself
                "samsyn.comparison.refresh-delay=1000d"})
class DemoDisclosureIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "demo_disclosure");
    }

    @Autowired
    ComparisonRepository repository;

    @Autowired
    Organisation organisation;

    @Autowired
    ComparisonEngine engine;

    @Autowired
    se.samsyn.prevention.PreventiveActivities preventiveActivities;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    se.samsyn.followup.PracticeOutcomes practice;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * Straight after start, without a gathered refresh: the indicators computed from follow-up
     * data have cells for exactly the municipalities with demo clients, the practice outcomes are
     * stored, and every stored cell of every indicator (value, n, status, colour) and every
     * practice outcome equals what a full refresh and rebuild give now.
     */
    @Test
    void theDemoResultsAreCurrentWhenTheApplicationIsReady() {
        Map<String, String> atStart = storedResults();
        List<String> practiceAtStart = storedPracticeOutcomes();
        List<String> withEpisodes = jdbc.sql("SELECT DISTINCT municipality_code FROM fup_fact_unit_episode ORDER BY 1")
                .query(String.class).list();
        assertThat(withEpisodes).as("the municipalities of the demo units").hasSize(15);
        assertThat(jdbc.sql("""
                SELECT DISTINCT r.area_code FROM cmp_result r JOIN cmp_indicator i ON i.id = r.indicator_id
                WHERE i.origin = 'followup' AND r.area_kind = 'municipality' ORDER BY 1""").query(String.class).list())
                .isEqualTo(withEpisodes);
        assertThat(practiceAtStart).isNotEmpty();

        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            engine.refreshAll();
            practice.refreshAll();
        });
        assertThat(storedResults()).isEqualTo(atStart);
        assertThat(storedPracticeOutcomes()).isEqualTo(practiceAtStart);
    }

    /** Every stored cell, by indicator, area, year and gender: value, n, status and colour. */
    private Map<String, String> storedResults() {
        Map<String, String> cells = new java.util.TreeMap<>();
        jdbc.sql("SELECT indicator_id, area_code, stat_year, gender, result_value, n, status, colour FROM cmp_result")
                .query(rs -> {
                    cells.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getString(4),
                            rs.getObject(5) + "|" + rs.getObject(6) + "|" + rs.getString(7) + "|" + rs.getString(8));
                });
        return cells;
    }

    private List<String> storedPracticeOutcomes() {
        return jdbc.sql("""
                SELECT municipality_code, instrument_code, intervention_code, follow_up_on, change_score, clients
                FROM fup_practice_outcome ORDER BY 1, 2, 3, 4, 5""").query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)
                + "|" + rs.getString(3) + "|" + rs.getDate(4) + "|" + rs.getDouble(5) + "|" + rs.getInt(6)).list();
    }

    @Test
    void noSuppressedCountOfAnyDemoIndicatorAndYearIsNarrowedBelowTheProtectionLevel() {
        int attacked = 0;
        for (Indicator indicator : repository.indicators()) {
            if (!indicator.computed()) {
                continue;
            }
            for (int year : repository.years(indicator.id())) {
                Map<Cell, Integer> published = new HashMap<>();
                Set<Cell> hidden = new HashSet<>();
                for (ResultRow row : repository.results(indicator.id(), year)) {
                    ResultRow shown = row.published();
                    Cell cell = new Cell(row.areaCode(), row.gender());
                    if (ResultRow.SUPPRESSED.equals(shown.status())) {
                        hidden.add(cell);
                    } else if (shown.n() != null) {
                        published.put(cell, shown.n());
                    }
                }
                assertThat(TableAttack.exposed(published, hidden, relations(), 5))
                        .as(indicator.id() + " " + year).isEmpty();
                attacked += hidden.size();
            }
        }
        assertThat(attacked).as("hidden cells attacked").isPositive();
    }

    /** Written here from the reference data, independently of the engine. */
    private List<Relation> relations() {
        Map<String, List<String>> parents = ReferenceAreas.parents(organisation);
        List<String> areas = ReferenceAreas.areas(organisation, parents);
        List<Relation> relations = new ArrayList<>();
        for (String area : areas) {
            relations.add(new Relation(new Cell(area, "T"), List.of(new Cell(area, "K"), new Cell(area, "M"))));
        }
        parents.forEach((parent, members) -> {
            for (String sex : List.of("T", "K", "M")) {
                relations.add(new Relation(new Cell(parent, sex), members.stream().map(m -> new Cell(m, sex)).toList()));
            }
        });
        return relations;
    }

    /**
     * ADR 0015, "Preventive pairs", the activity pages: the demo's share improved on WHO-5 (P00003)
     * attacked together with every activity's page as a national analyst reads them
     * ({@link StoredPreventiveAttack}). The demo has one activity with answers, Malmö's home visits:
     * 7 pairs answered in one month, 5 improved, whole on its page, so its cells (Malmö, Skåne, its
     * kommungrupp, the nation) are shown, none hidden, and nothing is narrowed.
     */
    @Test
    void theDemoPreventiveShareGivesNothingAwayBesideTheActivityPages() {
        StoredPreventiveAttack.Result attack = StoredPreventiveAttack.attack(jdbc, preventiveActivities, repository, "P00003",
                "who-5", null);
        assertThat(attack.withheldActivities()).isZero();
        assertThat(attack.hiddenCells()).isZero();
        assertThat(attack.exposures()).isEmpty();
        assertThat(repository.results("P00003").stream().filter(r -> "municipality".equals(r.areaKind()))
                .map(r -> r.areaCode() + " " + r.published().n() + " " + Math.round(r.published().numerator())).toList())
                .containsExactly("1280 7 5");
    }
}
