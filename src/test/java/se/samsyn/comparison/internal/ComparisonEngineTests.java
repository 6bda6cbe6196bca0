package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.comparison.IndicatorRejected;
import se.samsyn.comparison.PeerGroups;
import se.samsyn.comparison.ResultRow;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;

/**
 * Golden tests: every template on {@link ComparisonFixture}, with exact values at every level
 * (municipality, region, nation, kommungrupp) and gender. Suppression is switched off here
 * (threshold 1) so that every cell can be checked; it has tests of its own.
 */
abstract class ComparisonEngineTests {

    static final int YEAR = 2025;

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
    se.samsyn.comparison.Indicators indicators;

    @BeforeEach
    void fixture() {
        ComparisonFixture.record(jdbc, units, organisation);
        engine.refreshAll();
    }

    Map<String, ResultRow> cells(String indicator) {
        Map<String, ResultRow> cells = new HashMap<>();
        for (ResultRow r : repository.results(indicator, YEAR)) {
            cells.put(r.areaCode() + " " + r.gender(), r);
        }
        return cells;
    }

    static void value(Map<String, ResultRow> cells, String cell, double expected, int n) {
        assertThat(cells).containsKey(cell);
        assertThat(cells.get(cell).value()).as(cell).isCloseTo(expected, within(1e-9));
        assertThat(cells.get(cell).n()).as(cell + " n").isEqualTo(n);
        assertThat(cells.get(cell).status()).isEqualTo("ok");
    }

    /** A cell computed as expected but not published: a 0 % or 100 % share on a base under twice the threshold. */
    static void withheld(Map<String, ResultRow> cells, String cell, double expected, int n) {
        assertThat(cells).containsKey(cell);
        assertThat(cells.get(cell).value()).as(cell).isCloseTo(expected, within(1e-9));
        assertThat(cells.get(cell).n()).as(cell + " n").isEqualTo(n);
        assertThat(cells.get(cell).status()).as(cell + " status").isEqualTo("suppressed");
    }

    @Test
    void improvedShareSumsCountsUpwardsNeverRates() {
        Map<String, ResultRow> c = cells("S00001");
        value(c, "1280 K", 200.0 / 3, 3);
        value(c, "1280 M", 100.0 / 3, 3);
        value(c, "1280 T", 50.0, 6);
        value(c, "1281 K", 40.0, 5);
        value(c, "1281 T", 40.0, 5);
        assertThat(c).doesNotContainKey("1281 M");
        value(c, "0180 M", 100.0, 2);
        value(c, "0180 T", 100.0, 2);
        value(c, "0012 T", 500.0 / 11, 11);
        value(c, "0012 K", 50.0, 8);
        value(c, "0012 M", 100.0 / 3, 3);
        value(c, "0001 T", 100.0, 2);
        value(c, "0000 T", 700.0 / 13, 13);
        value(c, "0000 K", 50.0, 8);
        value(c, "0000 M", 60.0, 5);
        // A1 Storstäder (Malmö, Stockholm): 5 of 8, not the mean of 50 and 100
        value(c, "G92787 T", 62.5, 8);
        value(c, "G92787 M", 60.0, 5);
        value(c, "G92790 T", 40.0, 5);
        assertThat(c.get("1280 T").numerator()).isEqualTo(3.0);
        assertThat(c.get("1280 T").denominator()).isEqualTo(6.0);
        assertThat(c.get("0000 T").areaKind()).isEqualTo("nation");
        assertThat(c.get("0012 T").areaKind()).isEqualTo("region");
        assertThat(c.get("G92787 T").areaKind()).isEqualTo("group");
    }

    @Test
    void medianChangeIsTakenOverTheClientsOfEachArea() {
        Map<String, ResultRow> c = cells("S00002");
        value(c, "1280 T", 8.5, 6);
        value(c, "1280 K", 15.0, 3);
        value(c, "1280 M", -1.0, 3);
        value(c, "1281 T", 0.0, 5);
        value(c, "0180 T", 22.5, 2);
        value(c, "0012 T", 5.0, 11);
        value(c, "0012 K", 7.5, 8);
        value(c, "0012 M", -1.0, 3);
        value(c, "0000 T", 10.0, 13);
        value(c, "0000 M", 12.0, 5);
        value(c, "G92787 T", 13.5, 8);
    }

    @Test
    void completedShareCountsEndedInterventions() {
        Map<String, ResultRow> c = cells("S00003");
        value(c, "1280 K", 100.0, 2);
        value(c, "1280 M", 50.0, 2);
        value(c, "1280 T", 75.0, 4);
        value(c, "1281 T", 50.0, 2);
        value(c, "0012 T", 400.0 / 6, 6);
        value(c, "0012 K", 75.0, 4);
        value(c, "0000 T", 400.0 / 6, 6);
        // Stockholm ended no intervention, so A1 is Malmö alone and B3 is Lund
        value(c, "G92787 T", 75.0, 4);
        value(c, "G92790 T", 50.0, 2);
        assertThat(c).doesNotContainKey("0180 T");
        assertThat(c).doesNotContainKey("0001 T");
    }

    /**
     * Competence's published workforce facts (cpt_fact_workforce), written here as the competence
     * module writes them (numerator / denominator per municipality, year 2025). Malmö (1280) and
     * Lund (1281) are in Skåne (0012), Stockholm (0180) in Stockholm county (0001); Malmö and
     * Stockholm are in kommungrupp A1 Storstäder (G92787), Lund in B3 (G92790). Every higher level
     * sums numerators and denominators, never rates; n is the denominator. The facts have no sex,
     * so no level publishes K or M for these indicators.
     * <pre>
     * measure      Malmö  Lund   Stockholm
     * turnover     2/10   1/4    0/6     leavers / average headcount
     * vacancy      3/60   2/20   6/40    open post-months / (open + staffed) post-months
     * agency       3/12   0/5    2/8     agency staff / staff on the reference day
     * legal        4/5    2/2    3/6     meeting the legal requirement / performing regulated tasks
     * experienced  6/12   1/5    8/8     at least the configured years / staff
     * introduced   1/4    –      2/2     completed introduction / new staff (Lund had no new staff;
     *                                    its 1/1 of 2024 must not count in 2025)
     * </pre>
     */
    @Test
    void everyWorkforceIndicatorSumsCompetencesFactsUpwardsAtEveryLevel() {
        jdbc.sql("DELETE FROM cpt_workforce_fact").update();
        jdbc.sql("""
                INSERT INTO cpt_workforce_fact (municipality_code, stat_year, measure, numerator, denominator) VALUES
                ('1280', 2025, 'turnover', 2, 10), ('1281', 2025, 'turnover', 1, 4), ('0180', 2025, 'turnover', 0, 6),
                ('1280', 2025, 'vacancy', 3, 60), ('1281', 2025, 'vacancy', 2, 20), ('0180', 2025, 'vacancy', 6, 40),
                ('1280', 2025, 'agency', 3, 12), ('1281', 2025, 'agency', 0, 5), ('0180', 2025, 'agency', 2, 8),
                ('1280', 2025, 'legal', 4, 5), ('1281', 2025, 'legal', 2, 2), ('0180', 2025, 'legal', 3, 6),
                ('1280', 2025, 'experienced', 6, 12), ('1281', 2025, 'experienced', 1, 5), ('0180', 2025, 'experienced', 8, 8),
                ('1280', 2025, 'introduced', 1, 4), ('0180', 2025, 'introduced', 2, 2), ('1281', 2024, 'introduced', 1, 1)
                """).update();
        workforceIndicators();

        // W00001 staff turnover: Skåne (2+1)/(10+4) = 3/14; Stockholm county = Stockholm 0/6;
        // nation 3/20 = 15 %; A1 (2+0)/(10+6) = 12.5 %; B3 = Lund 1/4
        Map<String, ResultRow> c = cells("W00001");
        value(c, "1280 T", 20.0, 10);
        value(c, "1281 T", 25.0, 4);
        value(c, "0180 T", 0.0, 6);
        value(c, "0012 T", 300.0 / 14, 14);
        value(c, "0001 T", 0.0, 6);
        value(c, "0000 T", 15.0, 20);
        value(c, "G92787 T", 12.5, 16);
        value(c, "G92790 T", 25.0, 4);
        assertThat(repository.indicator("W00001").orElseThrow().interventionCode()).isNull();

        // W00002 vacancy rate: Malmö 3/60 = 5 %, Lund 2/20 = 10 %, Stockholm 6/40 = 15 %;
        // Skåne 5/80 = 6.25 % (not the mean 7.5 of the rates); nation 11/120; A1 9/100 = 9 %
        c = cells("W00002");
        value(c, "1280 T", 5.0, 60);
        value(c, "1281 T", 10.0, 20);
        value(c, "0180 T", 15.0, 40);
        value(c, "0012 T", 6.25, 80);
        value(c, "0001 T", 15.0, 40);
        value(c, "0000 T", 1100.0 / 120, 120);
        value(c, "G92787 T", 9.0, 100);
        value(c, "G92790 T", 10.0, 20);

        // W00003 agency share: Malmö 3/12 = 25 %, Lund 0/5 = 0 % (a real zero, not missing),
        // Stockholm 2/8 = 25 %; Skåne 3/17; nation 5/25 = 20 %; A1 5/20 = 25 %
        c = cells("W00003");
        value(c, "1280 T", 25.0, 12);
        value(c, "1281 T", 0.0, 5);
        value(c, "0180 T", 25.0, 8);
        value(c, "0012 T", 300.0 / 17, 17);
        value(c, "0001 T", 25.0, 8);
        value(c, "0000 T", 20.0, 25);
        value(c, "G92787 T", 25.0, 20);
        value(c, "G92790 T", 0.0, 5);

        // W00004 legal-requirement share: Malmö 4/5 = 80 %, Lund 2/2 = 100 %, Stockholm 3/6 = 50 %;
        // Skåne 6/7; nation 9/13; A1 7/11
        c = cells("W00004");
        value(c, "1280 T", 80.0, 5);
        value(c, "1281 T", 100.0, 2);
        value(c, "0180 T", 50.0, 6);
        value(c, "0012 T", 600.0 / 7, 7);
        value(c, "0001 T", 50.0, 6);
        value(c, "0000 T", 900.0 / 13, 13);
        value(c, "G92787 T", 700.0 / 11, 11);
        value(c, "G92790 T", 100.0, 2);

        // W00005 experience share: Malmö 6/12 = 50 %, Lund 1/5 = 20 %, Stockholm 8/8 = 100 %;
        // Skåne 7/17; nation 15/25 = 60 %; A1 14/20 = 70 %
        c = cells("W00005");
        value(c, "1280 T", 50.0, 12);
        value(c, "1281 T", 20.0, 5);
        value(c, "0180 T", 100.0, 8);
        value(c, "0012 T", 700.0 / 17, 17);
        value(c, "0001 T", 100.0, 8);
        value(c, "0000 T", 60.0, 25);
        value(c, "G92787 T", 70.0, 20);
        value(c, "G92790 T", 20.0, 5);

        // W00006 introduction share: Malmö 1/4 = 25 %, Stockholm 2/2 = 100 %, Lund no new staff in
        // 2025 so no value (its 2024 fact stays in 2024); Skåne = Malmö 1/4; nation 3/6 = 50 %;
        // A1 3/6 = 50 %; B3 (Lund only) has no value
        c = cells("W00006");
        value(c, "1280 T", 25.0, 4);
        value(c, "0180 T", 100.0, 2);
        value(c, "0012 T", 25.0, 4);
        value(c, "0001 T", 100.0, 2);
        value(c, "0000 T", 50.0, 6);
        value(c, "G92787 T", 50.0, 6);
        assertThat(c).doesNotContainKeys("1281 T", "G92790 T");
        assertThat(repository.results("W00006", 2024)).filteredOn(r -> r.areaCode().equals("1281"))
                .extracting(ResultRow::value).containsExactly(100.0);

        for (String id : List.of("W00001", "W00002", "W00003", "W00004", "W00005", "W00006")) {
            assertThat(cells(id).keySet()).as(id + ": no sex in the facts, so none published")
                    .allMatch(cell -> cell.endsWith(" T"));
        }
        jdbc.sql("DELETE FROM cpt_workforce_fact").update();
    }

    /** The six workforce indicators (seeded by V94 in every installation), recomputed from the facts just written. */
    void workforceIndicators() {
        for (String id : List.of("W00001", "W00002", "W00003", "W00004", "W00005", "W00006")) {
            engine.refresh(id);
        }
    }

    /**
     * A fresh database without demo data (this class runs with {@code samsyn.demo=false}) has the
     * six workforce indicators, published, each on its template with its direction (V94).
     */
    @Test
    void aFreshInstallationHasTheSixWorkforceIndicators() {
        se.samsyn.shared.Actor analyst = new se.samsyn.shared.Actor("analytiker", se.samsyn.shared.Role.NATIONAL_ANALYST,
                se.samsyn.shared.Scope.nation());
        assertThat(List.of("W00001", "W00002", "W00003", "W00004", "W00005", "W00006"))
                .map(id -> indicators.find(analyst, id).orElseThrow())
                .extracting(i -> i.id() + " " + i.template().code() + " " + i.direction().code() + " " + i.unit().code()
                        + " " + i.published() + " " + i.titleSv())
                .containsExactly(
                        "W00001 staff-turnover lower percent true Personalomsättning",
                        "W00002 vacancy-rate lower percent true Andel vakanta tjänster",
                        "W00003 agency-share lower percent true Andel inhyrd personal",
                        "W00004 legal-requirement-share higher percent true Andel som uppfyller lagkrav för reglerade uppgifter",
                        "W00005 experience-share higher percent true Andel erfaren personal",
                        "W00006 introduction-share higher percent true Andel nyanställda med genomförd introduktion");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_indicator WHERE template IN ('staff-turnover', 'vacancy-rate', "
                + "'agency-share', 'legal-requirement-share', 'experience-share', 'introduction-share')")
                .query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    void goalsAchievedCountsJudgedGoals() {
        Map<String, ResultRow> c = cells("S00004");
        // Every area's men have 0 % of one judged goal: computed, but withheld as an extreme share on a
        // small base (ADR 15); the women are then hidden too, or M would follow as T - K.
        for (String area : List.of("1280", "0012", "G92787", "0000")) {
            withheld(c, area + " M", 0.0, 1);
            withheld(c, area + " K", 50.0, 2);
            value(c, area + " T", 100.0 / 3, 3);
        }
    }

    @Test
    void clientsPerThousandUseThePopulationOfTheAgeBandAndSex() {
        Map<String, ResultRow> c = cells("S00005");
        // Malmö 20–64 in 2022 (the nearest year with population figures): K 109,694, M 110,777
        value(c, "1280 K", 2000.0 / 109_694, 2);
        value(c, "1280 M", 1000.0 / 110_777, 1);
        value(c, "1280 T", 3000.0 / 220_471, 3);
        // Lund K 39,482, M 38,941: a reporting municipality's men count as zero, not as missing
        value(c, "1281 K", 1000.0 / 39_482, 1);
        value(c, "1281 M", 0.0, 0);
        value(c, "1281 T", 1000.0 / 78_423, 1);
        value(c, "0012 T", 4000.0 / 298_894, 4);
        value(c, "0012 K", 3000.0 / 149_176, 3);
        // Stockholm reports no episodes: the nation covers the reporting municipalities only
        value(c, "0000 T", 4000.0 / 298_894, 4);
        value(c, "G92787 T", 3000.0 / 220_471, 3);
        value(c, "G92790 T", 1000.0 / 78_423, 1);
        assertThat(c).doesNotContainKey("0180 T");
        // the Lund episode ended in 2025 and also counts in 2024; Malmö's started in 2025
        assertThat(repository.results("S00005", 2024).stream().filter(r -> r.areaCode().equals("1280"))).isEmpty();
        assertThat(repository.results("S00005", 2024).stream()
                .filter(r -> r.areaCode().equals("1281") && r.gender().equals("T")).findFirst().orElseThrow().n()).isEqualTo(1);
    }

    @Test
    void coloursRankMunicipalitiesByDirection() {
        Map<String, ResultRow> c = cells("S00001");
        // three municipalities with values: Stockholm 100 best, Malmö 50, Lund 40 worst
        assertThat(c.get("0180 T").colour()).isEqualTo("green");
        assertThat(c.get("1280 T").colour()).isEqualTo("yellow");
        assertThat(c.get("1281 T").colour()).isEqualTo("red");
        assertThat(c.get("0000 T").colour()).isNull();
        // a neutral indicator gets no colours
        assertThat(cells("S00005").get("1280 T").colour()).isNull();
    }

    @Autowired
    PeerGroups peerGroups;

    @Test
    void aNationalAnalystKeepsPeerGroupsAndBadOnesAreRefusedWithNothingStored() {
        se.samsyn.shared.Actor analyst = new se.samsyn.shared.Actor("analyst", se.samsyn.shared.Role.NATIONAL_ANALYST,
                se.samsyn.shared.Scope.nation());
        int before = peerGroups.all().size();
        assertThatThrownBy(() -> peerGroups.create(analyst, "Skåne-storstäder", "substance-use", null, List.of("1280", "9999")))
                .isInstanceOfSatisfying(IndicatorRejected.class, e -> assertThat(e.problems())
                        .containsExactly(new IndicatorRejected.Problem("members", "comparison.error.peer-members")));
        assertThat(peerGroups.all()).hasSize(before);
        PeerGroups.PeerGroup group = peerGroups.create(analyst, "Skåne-storstäder", "substance-use", "Test",
                List.of("1280", "1281", "1280"));
        assertThat(group.members()).containsExactly("1280", "1281");
        assertThat(peerGroups.containing("1281")).extracting(PeerGroups.PeerGroup::name).contains("Skåne-storstäder");
        assertThatThrownBy(() -> peerGroups.create(analyst, "Skåne-storstäder", "substance-use", null, List.of("1280", "1283")))
                .isInstanceOf(IndicatorRejected.class);
        se.samsyn.shared.Actor worker = new se.samsyn.shared.Actor("worker", se.samsyn.shared.Role.CASE_WORKER,
                se.samsyn.shared.Scope.unit("1280-CMP"));
        assertThatThrownBy(() -> peerGroups.delete(worker, group.id()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        peerGroups.delete(analyst, group.id());
        assertThat(peerGroups.containing("1281")).isEmpty();
    }

    @Test
    void refreshingTwiceGivesTheSameResults() {
        Map<String, ResultRow> before = cells("S00001");
        engine.refresh("S00001");
        assertThat(cells("S00001")).isEqualTo(before);
    }

    static final se.samsyn.shared.Actor NATIONAL = new se.samsyn.shared.Actor("analytiker",
            se.samsyn.shared.Role.NATIONAL_ANALYST, se.samsyn.shared.Scope.nation());

    void preventiveFixture() {
        PreventionFixture.record(jdbc);
    }

    void clearPrevention() {
        PreventionFixture.clear(jdbc);
    }

    private void define(String id, String template, String kind, String instrument, String ageBand) {
        indicators.define(NATIONAL, new se.samsyn.comparison.NewIndicator(id, id, id, null, null, null, "key-figure",
                null, null, "higher", template, instrument, kind, ageBand, null, true));
    }

    /**
     * Reach per 1,000 of the population aged 80+ of that sex (2022, the nearest year with figures):
     * Malmö K 8,916, M 5,615; Lund K 3,529, M 2,412. Only the band 80+ counts; Stockholm has no home
     * visits and is left out, as a municipality without reports is in every computed indicator.
     */
    @Test
    void reachPerThousandUsesThePopulationOfTheTargetBandsAndSex() {
        preventiveFixture();
        define("P00001", "reach-per-1000", "preventive-home-visit", null, "80+");

        Map<String, ResultRow> c = cells("P00001");
        value(c, "1280 K", 50_000.0 / 8_916, 50);
        value(c, "1280 M", 10_000.0 / 5_615, 10);
        value(c, "1280 T", 60_000.0 / 14_531, 60);
        value(c, "1281 K", 7_000.0 / 3_529, 7);
        value(c, "1281 M", 0.0, 0);
        value(c, "1281 T", 7_000.0 / 5_941, 7);
        assertThat(c).doesNotContainKey("0180 T");
        value(c, "0012 T", 67_000.0 / 20_472, 67);
        value(c, "0012 K", 57_000.0 / 12_445, 57);
        value(c, "0000 T", 67_000.0 / 20_472, 67);
        value(c, "G92787 T", 60_000.0 / 14_531, 60);
        value(c, "G92790 T", 7_000.0 / 5_941, 7);
        assertThat(repository.indicator("P00001").orElseThrow().interventionCode()).isEqualTo("preventive-home-visit");
        clearPrevention();
    }

    /** Participants per activity: of one kind (home visits: Malmö 65 in 1, Lund 7 in 1) and of every kind. */
    @Test
    void participantsPerActivitySumParticipantsAndActivitiesUpwards() {
        preventiveFixture();
        define("P00002", "participants-per-activity", "preventive-home-visit", null, null);
        define("P00004", "participants-per-activity", null, null, null);

        Map<String, ResultRow> kind = cells("P00002");
        value(kind, "1280 T", 65.0, 65);
        value(kind, "1281 T", 7.0, 7);
        value(kind, "0012 T", 36.0, 72);
        value(kind, "0000 T", 36.0, 72);
        value(kind, "G92787 T", 65.0, 65);
        assertThat(kind).doesNotContainKey("0180 T").doesNotContainKey("1280 K");

        Map<String, ResultRow> all = cells("P00004");
        value(all, "1280 T", 40.0, 80);
        value(all, "1281 T", 7.0, 7);
        value(all, "0180 T", 4.0, 4);
        value(all, "0012 T", 29.0, 87);
        value(all, "0001 T", 4.0, 4);
        value(all, "0000 T", 22.75, 91);
        value(all, "G92787 T", 28.0, 84);
        value(all, "G92790 T", 7.0, 7);
        clearPrevention();
    }

    /**
     * WHO-5 pairs improved by at least 10 points: Malmö 3 of 5, Lund 1 of 2; the region and nation 4
     * of 7. Lund's one activity has 2 pairs, so withholds its own result on its page: Lund's cell is
     * hidden whatever the threshold (ADR 0015, "Preventive pairs"), and with it every area above it:
     * its kommungrupp (Lund alone), the region and the nation, whose 4 improved less the 3 that
     * Malmö's activity shows on its page would give Lund's 1. Malmö's cell, that page's whole
     * result, is shown, and so is its kommungrupp; all computed as before.
     */
    @Test
    void anonymousImprovedShareCountsPairsThatImprovedByTheMinimalDifference() {
        preventiveFixture();
        define("P00003", "anonymous-improved-share", null, "who-5", null);

        Map<String, ResultRow> c = cells("P00003");
        value(c, "1280 T", 60.0, 5);
        withheld(c, "1281 T", 50.0, 2);
        assertThat(c.get("1281 T").suppression()).isEqualTo(ResultRow.PRIMARY);
        withheld(c, "0012 T", 400.0 / 7, 7);
        assertThat(c.get("0012 T").suppression()).isEqualTo(ResultRow.SECONDARY);
        withheld(c, "0000 T", 400.0 / 7, 7);
        value(c, "G92787 T", 60.0, 5);
        withheld(c, "G92790 T", 50.0, 2);
        assertThat(c).doesNotContainKey("1280 K");
        assertThatThrownBy(() -> define("P00005", "anonymous-improved-share", null, "asi", null))
                .isInstanceOf(IndicatorRejected.class);
        assertThatThrownBy(() -> define("P00006", "reach-per-1000", "no-such-kind", null, "80+"))
                .isInstanceOf(IndicatorRejected.class);
        clearPrevention();
    }
}
