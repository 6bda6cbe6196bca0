package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityGroup;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;

/**
 * Suppression on stored results with the default threshold of 5: the published cells of every
 * seeded indicator are attacked with every additive relation between areas and genders, and no
 * suppressed count may be derived.
 */
abstract class ComparisonSuppressionTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @Autowired
    ComparisonEngine engine;

    @Autowired
    ComparisonRepository repository;

    @Autowired
    Comparisons comparisons;

    @Autowired
    se.samsyn.comparison.Indicators indicators;

    @Autowired
    se.samsyn.prevention.PreventiveActivities preventiveActivities;

    @BeforeEach
    void fixture() {
        ComparisonFixture.record(jdbc, units, organisation);
        engine.refreshAll();
    }

    @Test
    void smallCellsAreSuppressedAndShownAsTwoDots() {
        Map<String, ResultRow> c = new HashMap<>();
        for (ResultRow r : repository.results("S00001", 2025)) {
            c.put(r.areaCode() + " " + r.gender(), r);
        }
        // Malmö's 3 women and 3 men, Stockholm's 2 men: primary
        assertThat(c.get("1280 K").status()).isEqualTo("suppressed");
        assertThat(c.get("1280 M").status()).isEqualTo("suppressed");
        assertThat(c.get("0180 M").status()).isEqualTo("suppressed");
        assertThat(c.get("0180 T").status()).isEqualTo("suppressed");
        // the published view withholds value and n, and shows ".."
        ResultRow published = c.get("1280 K").published();
        assertThat(published.value()).isNull();
        assertThat(published.n()).isNull();
        assertThat(published.numerator()).isNull();
        assertThat(published.symbol()).isEqualTo("..");
        // the indicator table never carries a suppressed value
        Comparisons.IndicatorTable table = comparisons.table(null, "S00001", 2025, "K", null, null);
        assertThat(table.municipalities()).allMatch(m -> !"suppressed".equals(m.result().status()) || m.result().value() == null);
    }

    /**
     * The stored status keeps why each cell is hidden (V134): primary for a base of 1–4, secondary
     * for a cell hidden to protect another; and no reader gets it: the published row, the indicator
     * table behind the page, the API and the exports, and the Kolada-compatible API read the same
     * ".." for both (ADR 0015, "Primary or secondary").
     */
    @Test
    void theStoredStatusSaysPrimaryOrSecondaryAndNoReaderIsTold() {
        Map<String, String> reasons = new java.util.TreeMap<>();
        for (ResultRow r : repository.results("S00001", 2025)) {
            if (ResultRow.SUPPRESSED.equals(r.status())) {
                reasons.put(r.areaCode() + " " + r.gender() + " n=" + r.n(), r.suppression());
                assertThat(r.suppression()).as(r.toString())
                        .isEqualTo(r.n() > 0 && r.n() < 5 ? ResultRow.PRIMARY : ResultRow.SECONDARY);
            } else {
                assertThat(r.suppression()).as(r.toString()).isNull();
            }
        }
        // Malmö's 3 women and 3 men are primary, its total of 6 secondary (else 1–4 + 1–4 would be
        // known to be at most 8); Lund's 5 women and its total of 5 are secondary
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                // the nation's women and men too, since the same year's outcome report shows cells
                // that the indicator alone would hide; its total of 13 is shown, as the nation's report
                // shows it (ADR 0015, one year's report and indicators)
                Map.entry("0000 K n=8", "secondary"), Map.entry("0000 M n=5", "secondary"),
                Map.entry("0001 M n=2", "primary"), Map.entry("0001 T n=2", "primary"),
                Map.entry("0012 K n=8", "secondary"), Map.entry("0012 M n=3", "primary"),
                Map.entry("0012 T n=11", "secondary"), Map.entry("0180 M n=2", "primary"),
                Map.entry("0180 T n=2", "primary"), Map.entry("1280 K n=3", "primary"),
                Map.entry("1280 M n=3", "primary"), Map.entry("1280 T n=6", "secondary"),
                Map.entry("1281 K n=5", "secondary"), Map.entry("1281 T n=5", "secondary"),
                Map.entry("G92787 K n=3", "primary"), Map.entry("G92787 M n=5", "secondary"),
                Map.entry("G92787 T n=8", "secondary"), Map.entry("G92790 K n=5", "secondary"),
                Map.entry("G92790 T n=5", "secondary")));
        for (ResultRow r : repository.results("S00001", 2025)) {
            assertThat(r.published().suppression()).isNull();
        }
        Comparisons.IndicatorTable women = comparisons.table(null, "S00001", 2025, "K", null, null);
        Comparisons.IndicatorTable men = comparisons.table(null, "S00001", 2025, "M", null, null);
        ResultRow malmoWomen = women.municipalities().stream().filter(m -> m.municipality().code().equals("1280"))
                .findFirst().orElseThrow().result();
        ResultRow malmoMen = men.municipalities().stream().filter(m -> m.municipality().code().equals("1280"))
                .findFirst().orElseThrow().result();
        assertThat(malmoWomen.suppression()).isNull();
        assertThat(malmoMen.suppression()).isNull();
        assertThat(malmoWomen.symbol()).isEqualTo("..");
    }

    @Test
    void noSuppressedCountCanBeDerivedFromWhatIsPublished() {
        for (String indicator : List.of("S00001", "S00002", "S00003", "S00004", "S00005")) {
            for (int year : repository.years(indicator)) {
                Map<Cell, Integer> bases = new HashMap<>();
                Set<Cell> hidden = new HashSet<>();
                for (ResultRow r : repository.results(indicator, year)) {
                    Cell cell = new Cell(r.areaCode(), r.gender());
                    bases.put(cell, r.n());
                    if (r.published().n() == null) {
                        hidden.add(cell);
                    } else if (r.n() > 0) {
                        assertThat(r.n()).as(indicator + " " + year + " " + cell).isGreaterThanOrEqualTo(5);
                    }
                }
                assertThat(SuppressionTests.attack(bases, hidden, relations(bases)))
                        .as(indicator + " " + year + " derivable").isEmpty();
            }
        }
    }

    /** Written here from the reference data, independently of the engine. */
    private List<Relation> relations(Map<Cell, Integer> bases) {
        Map<String, List<String>> parents = new HashMap<>();
        for (Municipality m : organisation.municipalities()) {
            parents.computeIfAbsent("00" + m.countyCode(), k -> new ArrayList<>()).add(m.code());
            parents.computeIfAbsent("0000", k -> new ArrayList<>()).add(m.code());
            for (MunicipalityGroup g : organisation.groups()) {
                if (g.code().equals(m.groupCode())) {
                    parents.computeIfAbsent(g.koladaGroupId(), k -> new ArrayList<>()).add(m.code());
                }
            }
        }
        Set<String> areas = new HashSet<>();
        bases.keySet().forEach(c -> areas.add(c.area()));
        List<Relation> relations = new ArrayList<>();
        for (String area : areas) {
            relations.add(new Relation(new Cell(area, "T"), List.of(new Cell(area, "K"), new Cell(area, "M"))));
        }
        parents.forEach((parent, members) -> {
            if (areas.contains(parent)) {
                for (String g : List.of("T", "K", "M")) {
                    relations.add(new Relation(new Cell(parent, g), members.stream().filter(areas::contains)
                            .map(m -> new Cell(m, g)).toList()));
                }
            }
        });
        return relations;
    }

    /**
     * The preventive indicators are suppressed like every other: Lund's 2 anonymous WHO-5 pairs are
     * withheld as "..", and a complementary cell so that they cannot be derived.
     */
    @Test
    void preventiveIndicatorsAreSuppressedUnderFive() {
        PreventionFixture.record(jdbc);
        se.samsyn.shared.Actor national = new se.samsyn.shared.Actor("analytiker", se.samsyn.shared.Role.NATIONAL_ANALYST,
                se.samsyn.shared.Scope.nation());
        if (repository.indicator("P00013").isEmpty()) {
            indicators.define(national, new se.samsyn.comparison.NewIndicator("P00013", "P00013", "P00013", null, null, null,
                    "key-figure", null, null, "higher", "anonymous-improved-share", "who-5", null, null, null, true));
        }
        engine.refresh("P00013");
        Map<String, ResultRow> c = new HashMap<>();
        for (ResultRow r : repository.results("P00013", 2025)) {
            c.put(r.areaCode() + " " + r.gender(), r);
        }
        assertThat(c.get("1281 T").status()).isEqualTo("suppressed");
        assertThat(c.get("1281 T").published().value()).isNull();
        assertThat(c.get("1281 T").published().symbol()).isEqualTo("..");
        // Skåne's 7 pairs are Malmö's 5 and Lund's 2: one of Malmö and the region is withheld as well,
        // so Lund's count cannot be derived by subtraction
        assertThat(List.of(c.get("1280 T").status(), c.get("0012 T").status())).contains("suppressed");
        assertThat(List.of(c.get("1280 T").status(), c.get("0000 T").status())).contains("suppressed");
        PreventionFixture.clear(jdbc);
        engine.refresh("P00013");
    }

    /**
     * ADR 0015, "Preventive pairs": a municipality-year cell of an anonymous improved share is a
     * primary hidden cell unless every activity counted in it shows its own improved count (5 pairs
     * or more on the instrument) and has all its pairs in that year. Malmö's 2025 (A's 12 pairs with
     * 7 improved shown, B's 3 withheld: 15 and 9 would give B's 2) and both of Lund's years (C's 14
     * pairs split 6 and 8) are hidden as primary; Stockholm's D, 10 pairs all in 2025, is not primary
     * (6 of 10, 60 %). 2024 has Lund alone: its region, kommungrupp and the nation hide it too.
     */
    @Test
    void preventiveCellsAreHiddenWhileAnActivityInThemWithholdsOrSpansYears() {
        PreventionFixture.recordWithheldActivities(jdbc);
        se.samsyn.shared.Actor national = new se.samsyn.shared.Actor("analytiker", se.samsyn.shared.Role.NATIONAL_ANALYST,
                se.samsyn.shared.Scope.nation());
        if (repository.indicator("P00013").isEmpty()) {
            indicators.define(national, new se.samsyn.comparison.NewIndicator("P00013", "P00013", "P00013", null, null, null,
                    "key-figure", null, null, "higher", "anonymous-improved-share", "who-5", null, null, null, true));
        }
        try {
            engine.refresh("P00013");
            Map<String, ResultRow> y2025 = new HashMap<>();
            for (ResultRow r : repository.results("P00013", 2025)) {
                y2025.put(r.areaCode() + " " + r.gender(), r);
            }
            assertThat(y2025.get("1280 T").n()).isEqualTo(15);
            assertThat(y2025.get("1280 T").status()).isEqualTo(ResultRow.SUPPRESSED);
            assertThat(y2025.get("1280 T").suppression()).isEqualTo(ResultRow.PRIMARY);
            assertThat(y2025.get("1280 T").published().value()).isNull();
            assertThat(y2025.get("1281 T").n()).isEqualTo(8);
            assertThat(y2025.get("1281 T").status()).isEqualTo(ResultRow.SUPPRESSED);
            assertThat(y2025.get("1281 T").suppression()).isEqualTo(ResultRow.PRIMARY);
            // D is whole and shown, so prevention's view counts no withheld activity in Stockholm's cell
            assertThat(jdbc.sql("""
                    SELECT municipality_code || ' ' || stat_year || ' ' || SUM(withheld_activities) FROM prv_fact_outcome
                    GROUP BY municipality_code, stat_year ORDER BY municipality_code, stat_year""").query(String.class).list())
                    .containsExactly("0180 2025 0", "1280 2025 1", "1281 2024 1", "1281 2025 1");
            // and it is shown, as D's page shows it: hiding it would protect nothing from a reader of that
            // page; instead every area above Malmö and Lund is hidden (Malmö's kommungrupp A1, 25 pairs,
            // less D's 10 would give Malmö's 15), as secondary
            assertThat(y2025.get("0180 T").n()).isEqualTo(10);
            assertThat(y2025.get("0180 T").value()).isEqualTo(60.0);
            assertThat(y2025.get("0180 T").status()).isEqualTo(ResultRow.OK);
            assertThat(y2025.values()).filteredOn(r -> !"municipality".equals(r.areaKind()) && r.n() != null && r.n() > 0
                            && r.status().equals(ResultRow.SUPPRESSED))
                    .extracting(ResultRow::areaCode).contains("0012", "0000");
            assertThat(y2025.get("0012 T").suppression()).isEqualTo(ResultRow.SECONDARY);
            List<ResultRow> y2024 = repository.results("P00013", 2024).stream().filter(r -> r.n() != null && r.n() > 0).toList();
            assertThat(y2024).extracting(ResultRow::areaCode).contains("1281", "0012", "0000");
            assertThat(y2024).allSatisfy(r -> assertThat(r.status()).isEqualTo(ResultRow.SUPPRESSED));
            assertThat(y2024).filteredOn(r -> r.areaCode().equals("1281")).singleElement()
                    .satisfies(r -> assertThat(r.suppression()).isEqualTo(ResultRow.PRIMARY));
        } finally {
            PreventionFixture.clear(jdbc);
            engine.refresh("P00013");
        }
    }

    /**
     * ADR 0015, "Preventive pairs", the activity pages: the same activities, and a reader who sets
     * every activity's page (its pairs, and its improved count from 5 pairs) against the stored
     * cells; Göteborg (1480) adds an open meeting place of 20 pairs (12 improved) in 2025. Every area above Malmö's and Lund's withheld cells is hidden, so no shown cell holds
     * B's result or a year's part of C's, and the attack by linear programming
     * ({@link StoredPreventiveAttack}) narrows neither, nor any hidden cell's withheld part, beyond
     * what the pages give.
     */
    @Test
    void preventiveCellsGiveNothingAwayBesideTheActivityPages() {
        PreventionFixture.recordWithheldActivities(jdbc);
        PreventionFixture.recordWholeActivity(jdbc, "1480", "1480-IFO-VUX", "open-meeting-place", "2025-05-01", 12, 8);
        se.samsyn.shared.Actor national = new se.samsyn.shared.Actor("analytiker", se.samsyn.shared.Role.NATIONAL_ANALYST,
                se.samsyn.shared.Scope.nation());
        if (repository.indicator("P00013").isEmpty()) {
            indicators.define(national, new se.samsyn.comparison.NewIndicator("P00013", "P00013", "P00013", null, null, null,
                    "key-figure", null, null, "higher", "anonymous-improved-share", "who-5", null, null, null, true));
        }
        try {
            engine.refresh("P00013");
            List<String> shown = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            for (ResultRow r : repository.results("P00013")) {
                if (r.n() != null && r.n() > 0) {
                    (r.published().n() == null ? hidden : shown).add(r.areaCode() + " " + r.year());
                }
            }
            // Stockholm's D and Göteborg's 20 pairs (12 improved) are whole on their pages and shown with
            // their regions; Malmö, Lund and every area above them are hidden: Skåne, the kommungrupper
            // of Malmö (G92787) and of Lund (G92790) and the nation
            assertThat(shown).containsExactlyInAnyOrder("0180 2025", "0001 2025", "1480 2025", "0014 2025");
            assertThat(hidden).containsExactlyInAnyOrder("1280 2025", "1281 2025", "0012 2025", "G92787 2025", "G92790 2025",
                    "0000 2025", "1281 2024", "0012 2024", "G92790 2024", "0000 2024");
            StoredPreventiveAttack.Result attack = StoredPreventiveAttack.attack(jdbc, preventiveActivities, repository,
                    "P00013", "who-5", null);
            assertThat(attack.withheldActivities()).as("B and C").isEqualTo(2);
            assertThat(attack.exposures()).isEmpty();
        } finally {
            PreventionFixture.clear(jdbc);
            engine.refresh("P00013");
        }
    }

    /**
     * ADR 0015, "Preventive pairs": an activity whose page withholds its share as an extreme share
     * (none or all of 5 to 9 pairs improved) is a withheld part like one under 5 pairs. Göteborg (1480)
     * in 2025: X with 5 pairs, all improved (its page shows 5 pairs and no share), and Y with 10 pairs,
     * 6 improved (shown whole). Shown, the cell's 15 pairs and 11 improved less Y's 6 would give X's
     * 5 of 5, the 100 % its page withholds; so the cell is hidden as primary, and its region (0014) and
     * the nation above it as well.
     */
    @Test
    void aPreventiveCellWithAnActivityWithholdingAnExtremeShareIsHidden() {
        PreventionFixture.clear(jdbc);
        PreventionFixture.recordWholeActivity(jdbc, "1480", "1480-IFO-VUX", "open-meeting-place", "2025-05-01", 5, 0);
        PreventionFixture.recordWholeActivity(jdbc, "1480", "1480-IFO-VUX", "open-meeting-place", "2025-06-01", 6, 4);
        se.samsyn.shared.Actor national = new se.samsyn.shared.Actor("analytiker", se.samsyn.shared.Role.NATIONAL_ANALYST,
                se.samsyn.shared.Scope.nation());
        if (repository.indicator("P00013").isEmpty()) {
            indicators.define(national, new se.samsyn.comparison.NewIndicator("P00013", "P00013", "P00013", null, null, null,
                    "key-figure", null, null, "higher", "anonymous-improved-share", "who-5", null, null, null, true));
        }
        try {
            assertThat(jdbc.sql("""
                    SELECT municipality_code || ' ' || stat_year || ' ' || respondents || ' ' || improved || ' ' || withheld_activities
                    FROM prv_fact_outcome""").query(String.class).list()).containsExactly("1480 2025 15 11 1");
            engine.refresh("P00013");
            Map<String, ResultRow> y2025 = new HashMap<>();
            for (ResultRow r : repository.results("P00013", 2025)) {
                y2025.put(r.areaCode() + " " + r.gender(), r);
            }
            assertThat(y2025.get("1480 T").n()).isEqualTo(15);
            assertThat(y2025.get("1480 T").status()).isEqualTo(ResultRow.SUPPRESSED);
            assertThat(y2025.get("1480 T").suppression()).isEqualTo(ResultRow.PRIMARY);
            assertThat(y2025.get("1480 T").published().value()).isNull();
            assertThat(y2025.get("1480 T").published().symbol()).isEqualTo("..");
            assertThat(y2025.values()).filteredOn(r -> r.n() != null && r.n() > 0)
                    .allSatisfy(r -> assertThat(r.published().value()).as(r.areaCode()).isNull());
            assertThat(y2025.values()).filteredOn(r -> r.n() != null && r.n() > 0).extracting(ResultRow::areaCode)
                    .contains("1480", "0014", "0000");
        } finally {
            PreventionFixture.clear(jdbc);
            engine.refresh("P00013");
        }
    }
}
