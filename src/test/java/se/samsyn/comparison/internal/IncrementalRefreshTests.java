package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.followup.FollowupDataChanged;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;

/**
 * The incremental refresh on a real database, with the suppression threshold 3 and the facts of
 * {@link ComparisonFixture}: Stockholm (0180) has two men with WHO-5 outcomes in 2025, so its men,
 * its total and the group A1's men are suppressed, which hides Malmö's men as well. A third man in
 * Stockholm (who did not improve, so the men's share is 2 of 3, not an extreme share that ADR 15
 * withholds on a small base) lifts his municipality over the threshold. After the announced change is refreshed for
 * Stockholm alone, every stored cell of every indicator equals what a full refresh gives, Malmö's
 * men are published again, and the cells of other municipalities were written only where their
 * suppression or colour changed.
 */
abstract class IncrementalRefreshTests {


    @Autowired
    JdbcClient jdbc;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @Autowired
    ComparisonEngine engine;

    @Autowired
    ResultRefresh refresh;

    /** One stored cell: everything a reader sees, and the revision of the refresh that last wrote it. */
    record Cell(String kind, Double numerator, Double denominator, Double value, Integer n, String status, String colour,
                long revision) {

        boolean sameAs(Cell other) {
            return kind.equals(other.kind) && Objects.equals(numerator, other.numerator)
                    && Objects.equals(denominator, other.denominator) && Objects.equals(value, other.value)
                    && Objects.equals(n, other.n) && status.equals(other.status) && Objects.equals(colour, other.colour);
        }
    }

    @Test
    void aChangeInOneMunicipalityGivesTheResultsOfAFullRefreshAndLeavesOtherMunicipalitiesAlone() {
        ComparisonFixture.record(jdbc, units, organisation);
        engine.refreshAll();
        Map<String, Cell> before = cells();
        assertThat(before.get("S00001|0180|2025|M").status()).isEqualTo("suppressed");
        assertThat(before.get("S00001|0180|2025|M").n()).isEqualTo(2);
        assertThat(before.get("S00001|1280|2025|M").status()).as("hidden so that Stockholm's men cannot be derived")
                .isEqualTo("suppressed");

        long man = ComparisonFixture.client(jdbc, "0180", "M", 1980, "sm-third");
        ComparisonFixture.outcome(jdbc, "0180", man, 0);
        refresh.on(new FollowupDataChanged("0180"));
        awaitPending("followup:0180");
        refresh.refreshChangedFollowup();
        Map<String, Cell> incremental = cells();
        assertThat(jdbc.sql("SELECT scope FROM cmp_refresh_pending").query(String.class).list()).doesNotContain("followup:0180");

        Map<String, String> incrementalCounts = areaCounts();
        engine.refreshAll();
        Map<String, Cell> full = cells();
        assertThat(incremental.keySet()).isEqualTo(full.keySet());
        full.forEach((key, cell) -> assertThat(incremental.get(key).sameAs(cell))
                .as("%s incremental %s, full %s", key, incremental.get(key), cell).isTrue());
        assertThat(incrementalCounts).isEqualTo(areaCounts());
        assertThat(incrementalCounts.get("S00002|0000|2025|T"))
                .isEqualTo("-5.0:1 -1.0:1 0.0:4 5.0:1 10.0:2 12.0:1 15.0:2 20.0:1 30.0:1");

        assertThat(incremental.get("S00001|0180|2025|M").n()).isEqualTo(3);
        // no longer a small count; whether it is shown or hidden as a secondary cell depends on the
        // same year's outcome report too (ADR 0015, one year's report and indicators), which counts
        // only the fixture's clients with an intervention
        assertThat(jdbc.sql("""
                SELECT suppression FROM cmp_result WHERE indicator_id = 'S00001' AND area_code = '0180' AND stat_year = 2025
                  AND gender = 'M'""").query(String.class).optional()).isNotEqualTo(java.util.Optional.of(se.samsyn.comparison.ResultRow.PRIMARY));
        assertThat(incremental.get("S00001|0180|2025|M").value()).isCloseTo(200.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(incremental.get("S00002|0180|2025|M").value()).as("median of 0, +15, +30").isEqualTo(15.0);
        assertThat(incremental.get("S00002|0000|2025|T").value())
                .as("median over the nation's 14 changes: the 7th (+5) and 8th (+10) averaged").isEqualTo(7.5);

        int untouchedKept = 0;
        for (Map.Entry<String, Cell> e : incremental.entrySet()) {
            String area = e.getKey().split("\\|")[1];
            Cell old = before.get(e.getKey());
            if (!"municipality".equals(e.getValue().kind()) || area.equals("0180") || old == null) {
                continue;
            }
            boolean changed = !Objects.equals(old.status(), e.getValue().status()) || !Objects.equals(old.colour(), e.getValue().colour());
            assertThat(e.getValue().revision() != old.revision()).as("%s rewritten only if its marking changed", e.getKey())
                    .isEqualTo(changed);
            assertThat(e.getValue().numerator()).isEqualTo(old.numerator());
            untouchedKept += changed ? 0 : 1;
        }
        assertThat(untouchedKept).isPositive();
        assertThat(before.keySet().stream().filter(k -> k.contains("|1281|")).toList())
                .allSatisfy(k -> assertThat(incremental).containsKey(k));
    }

    @Test
    void aSecondStartRefreshesNothingAndAChangedDefinitionRefreshesOnlyItsIndicator() {
        refresh.run(null);
        refresh.run(null);
        assertThat(refresh.refreshedAtStart()).isZero();

        String direction = jdbc.sql("SELECT direction FROM cmp_indicator WHERE id = 'S00003'").query(String.class).single();
        jdbc.sql("UPDATE cmp_indicator SET direction = 'lower' WHERE id = 'S00003'").update();
        try {
            refresh.run(null);
            assertThat(refresh.refreshedAtStart()).isEqualTo(1);
            refresh.run(null);
            assertThat(refresh.refreshedAtStart()).isZero();
        } finally {
            jdbc.sql("UPDATE cmp_indicator SET direction = :d WHERE id = 'S00003'").param("d", direction).update();
            engine.refresh("S00003");
        }
    }

    /**
     * A start at which only an imported indicator of official statistics is stale (here one added
     * since the last start, never computed) refreshes that indicator alone and counts no follow-up
     * fact: a fact written in Malmö without an announcement is not counted (Malmö's stored counts
     * stay as they were), so the follow-up indicators are not found stale by it either. Before,
     * such a start counted every fact, stored the new count and refreshed every follow-up indicator.
     */
    @Test
    void aStartWithOnlyAStaleOfficialIndicatorCountsNoFact() {
        ComparisonFixture.record(jdbc, units, organisation);
        engine.refreshAll();
        String malmoCounts = storedCounts("1280");
        long malmo = ComparisonFixture.client(jdbc, "1280", "K", 1986, "mk-official-start");
        ComparisonFixture.episode(jdbc, "1280", malmo, "substance-use", java.time.LocalDate.of(2025, 3, 1), null);
        jdbc.sql("""
                INSERT INTO cmp_indicator (id, title_sv, title_en, kind, unit, direction, origin, published, created_by, created_at)
                VALUES ('U90601', 'Officiell', 'Official', 'key-figure', 'percent', 'higher', 'kolada', TRUE, 'test', :at)""")
                .param("at", java.time.OffsetDateTime.now()).update();
        try {
            refresh.run(null);
            assertThat(refresh.refreshedAtStart()).as("the official indicator alone").isEqualTo(1);
            assertThat(storedCounts("1280")).as("no fact was counted").isEqualTo(malmoCounts);
            assertThat(jdbc.sql("SELECT indicator_id FROM cmp_result_source WHERE indicator_id LIKE 'U9%'")
                    .query(String.class).list()).containsExactly("U90601");
            refresh.run(null);
            assertThat(refresh.refreshedAtStart()).isZero();
        } finally {
            jdbc.sql("DELETE FROM cmp_result_source WHERE indicator_id = 'U90601'").update();
            jdbc.sql("DELETE FROM cmp_result WHERE indicator_id = 'U90601'").update();
            jdbc.sql("DELETE FROM cmp_indicator WHERE id = 'U90601'").update();
            jdbc.sql("DELETE FROM fup_episode WHERE client_id = :c").param("c", malmo).update();
            jdbc.sql("DELETE FROM fup_client WHERE id = :c").param("c", malmo).update();
            engine.refreshAll();
        }
    }

    /**
     * Episodes in two municipalities (Stockholm, which reported none before, and Lund, which
     * reported one until 2025) refreshed for those two alone give the clients per 1,000 inhabitants
     * (S00005) of a full refresh, both sexes with zero where none; the watermark recorded from the
     * two municipalities' recount equals the full count, so the next start refreshes nothing; a
     * fact written without an announcement in a third municipality is not seen at start (which
     * counts no fact) but by the background recount, which requests that municipality's refresh;
     * after it every cell equals a full refresh.
     */
    @Test
    void episodesInTwoMunicipalitiesGiveTheRatesOfAFullRefreshAndTheNextStartRefreshesNothing() {
        ComparisonFixture.record(jdbc, units, organisation);
        engine.refreshAll();
        long stockholm = ComparisonFixture.client(jdbc, "0180", "M", 1980, "sm-episode");
        ComparisonFixture.episode(jdbc, "0180", stockholm, "substance-use", java.time.LocalDate.of(2024, 6, 1), null);
        long lund = ComparisonFixture.client(jdbc, "1281", "M", 1990, "lm-episode");
        ComparisonFixture.episode(jdbc, "1281", lund, "substance-use", java.time.LocalDate.of(2025, 5, 1),
                java.time.LocalDate.of(2025, 8, 1));
        refresh.on(new FollowupDataChanged("0180"));
        refresh.on(new FollowupDataChanged("1281"));
        awaitPending("followup:0180");
        awaitPending("followup:1281");
        refresh.refreshChangedFollowup();
        Map<String, Cell> incremental = cells();

        refresh.run(null);
        assertThat(refresh.refreshedAtStart()).as("the watermark of the partial recount equals the full count").isZero();
        assertThat(refresh.recountFacts()).as("the partial recount left every count as the full one").isEmpty();

        engine.refreshAll();
        Map<String, Cell> full = cells();
        assertThat(incremental.keySet()).isEqualTo(full.keySet());
        full.forEach((key, cell) -> assertThat(incremental.get(key).sameAs(cell))
                .as("%s incremental %s, full %s", key, incremental.get(key), cell).isTrue());
        assertThat(incremental.get("S00005|0180|2024|M").n()).isEqualTo(1);
        assertThat(incremental.get("S00005|0180|2025|M").n()).isEqualTo(1);
        assertThat(incremental.get("S00005|0180|2025|K").n()).as("a reporting municipality has both sexes").isZero();
        assertThat(incremental.get("S00005|1281|2025|M").n()).isEqualTo(1);
        assertThat(incremental.get("S00005|1281|2025|K").n()).isEqualTo(1);
        assertThat(incremental).doesNotContainKey("S00005|0180|2023|M");

        String malmoCounts = storedCounts("1280");
        long malmo = ComparisonFixture.client(jdbc, "1280", "K", 1985, "mk-unannounced");
        ComparisonFixture.episode(jdbc, "1280", malmo, "substance-use", java.time.LocalDate.of(2025, 2, 1), null);
        refresh.run(null);
        assertThat(refresh.refreshedAtStart()).as("the start-up counts no fact").isZero();
        assertThat(storedCounts("1280")).as("nothing was counted at start").isEqualTo(malmoCounts);
        assertThat(cells().get("S00005|1280|2025|K").n()).as("so the fact is not in the results yet").isEqualTo(2);
        assertThat(refresh.recountFacts()).as("the background recount finds the fact written without an announcement")
                .containsExactly("1280");
        assertThat(jdbc.sql("SELECT scope FROM cmp_refresh_pending").query(String.class).list()).contains("followup:1280");
        refresh.refreshChangedFollowup();
        assertThat(full.get("S00005|1280|2025|K").n()).isEqualTo(2);
        assertThat(cells().get("S00005|1280|2025|K").n()).isEqualTo(3);
        String[] before = malmoCounts.split(",");
        assertThat(storedCounts("1280")).as("measurements, episodes (one more), ended interventions, judged goals")
                .isEqualTo(before[0] + "," + (Long.parseLong(before[1]) + 1) + "," + before[2] + "," + before[3]);
        assertThat(refresh.recountFacts()).as("nothing left to refresh").isEmpty();
        refresh.run(null);
        assertThat(refresh.refreshedAtStart()).isZero();
        Map<String, Cell> afterRecount = cells();
        engine.refreshAll();
        Map<String, Cell> fullAgain = cells();
        fullAgain.forEach((key, cell) -> assertThat(afterRecount.get(key).sameAs(cell))
                .as("%s after the recount %s, full %s", key, afterRecount.get(key), cell).isTrue());
    }

    /**
     * The medians of the areas are kept from stored counts per area and change, which a partial
     * refresh corrects by the old and new counts of the changed municipality. Lund's two women with
     * +10 have their follow-ups removed: Lund's women are then 0, 0, 0 (the +10 counts disappear), and
     * Skåne's women (with Malmö's +20, +5, +15) 0, 0, 0, +5, +15, +20, median (0 + 5) / 2 = 2.5. Put
     * back, Skåne's women are 0, 0, 0, +5, +10, +10, +15, +20, median (5 + 10) / 2 = 7.5 again. After
     * each step the stored counts of every municipality and area, and every cell, equal a full
     * refresh's.
     */
    @Test
    void removedAndRestoredOutcomesKeepTheAreaCountsOfAFullRefresh() {
        ComparisonFixture.record(jdbc, units, organisation);
        engine.refreshAll();
        String skane = jdbc.sql("SELECT '00' || county_code FROM org_v_municipality WHERE code = '1281'").query(String.class).single();
        List<Long> plusTen = jdbc.sql("SELECT id FROM fup_client WHERE pseudonym IN ('lk0', 'lk1') ORDER BY id")
                .query(Long.class).list();
        assertThat(plusTen).hasSize(2);
        try {
            jdbc.sql("UPDATE fup_measurement SET removed_at = CURRENT_TIMESTAMP WHERE client_id IN (:c) AND time_point <> 'baseline'")
                    .param("c", plusTen).update();
            Map<String, Cell> removed = refreshLundAndCompareWithFull();
            assertThat(removed.get("S00002|1281|2025|K").value()).isEqualTo(0.0);
            assertThat(removed.get("S00002|1281|2025|K").n()).isEqualTo(3);
            assertThat(removed.get("S00002|" + skane + "|2025|K").value()).isEqualTo(2.5);
            assertThat(removed.get("S00002|" + skane + "|2025|K").n()).isEqualTo(6);
            assertThat(municipalityCounts().get("S00002|1281|2025|K")).as("no count of +10 left").isEqualTo("0.0:3");
            assertThat(areaCounts().get("S00002|" + skane + "|2025|K")).isEqualTo("0.0:3 5.0:1 15.0:1 20.0:1");
        } finally {
            jdbc.sql("UPDATE fup_measurement SET removed_at = NULL WHERE client_id IN (:c)").param("c", plusTen).update();
        }
        Map<String, Cell> restored = refreshLundAndCompareWithFull();
        assertThat(restored.get("S00002|" + skane + "|2025|K").value()).isEqualTo(7.5);
        assertThat(restored.get("S00002|" + skane + "|2025|K").n()).isEqualTo(8);
        assertThat(municipalityCounts().get("S00002|1281|2025|K")).isEqualTo("0.0:3 10.0:2");
        assertThat(areaCounts().get("S00002|" + skane + "|2025|K")).isEqualTo("0.0:3 5.0:1 10.0:2 15.0:1 20.0:1");
    }

    /** Announces a change in Lund, refreshes it alone, then checks counts and cells against a full refresh. */
    private Map<String, Cell> refreshLundAndCompareWithFull() {
        refresh.on(new FollowupDataChanged("1281"));
        awaitPending("followup:1281");
        refresh.refreshChangedFollowup();
        Map<String, Cell> incremental = cells();
        Map<String, String> counts = areaCounts();
        Map<String, String> municipalityCounts = municipalityCounts();
        engine.refreshAll();
        Map<String, Cell> full = cells();
        assertThat(incremental.keySet()).isEqualTo(full.keySet());
        full.forEach((key, cell) -> assertThat(incremental.get(key).sameAs(cell))
                .as("%s incremental %s, full %s", key, incremental.get(key), cell).isTrue());
        assertThat(counts).isEqualTo(areaCounts());
        assertThat(municipalityCounts).isEqualTo(municipalityCounts());
        return incremental;
    }

    /**
     * The stored counts per area above the municipality: indicator|area|year|gender to
     * "change:clients" pairs in order of change.
     */
    private Map<String, String> areaCounts() {
        Map<String, String> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT indicator_id, area_code, stat_year, gender, change, clients FROM cmp_area_change_count
                ORDER BY indicator_id, area_code, stat_year, gender, change""").query(rs -> {
            counts.merge(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getString(4),
                    rs.getDouble(5) + ":" + rs.getInt(6), (a, b) -> a + " " + b);
        });
        return counts;
    }

    /** The stored counts per municipality, as {@link #areaCounts()}, by legal sex. */
    private Map<String, String> municipalityCounts() {
        Map<String, String> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT indicator_id, municipality_code, stat_year, legal_sex, change, clients FROM cmp_change_count
                ORDER BY indicator_id, municipality_code, stat_year, legal_sex, change""").query(rs -> {
            counts.merge(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getString(4),
                    rs.getDouble(5) + ":" + rs.getInt(6), (a, b) -> a + " " + b);
        });
        return counts;
    }

    /** The listener runs asynchronously (after commit, in its own transaction): waits for its request row. */
    private void awaitPending(String scope) {
        for (int i = 0; i < 600; i++) {
            if (jdbc.sql("SELECT COUNT(*) FROM cmp_refresh_pending WHERE scope = :s").param("s", scope).query(Integer.class).single() > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No refresh request " + scope);
    }

    /** The follow-up fact counts stored for a municipality ({@code cmp_fact_count}): "measurements,episodes,interventions,goals". */
    private String storedCounts(String municipality) {
        return jdbc.sql("SELECT facts FROM cmp_fact_count WHERE municipality_code = :m").param("m", municipality)
                .query(String.class).single();
    }

    private Map<String, Cell> cells() {
        Map<String, Cell> cells = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT indicator_id, area_code, stat_year, gender, area_kind, numerator, denominator, result_value, n, status,
                       colour, revision
                FROM cmp_result r WHERE EXISTS (SELECT 1 FROM cmp_indicator i WHERE i.id = r.indicator_id AND i.origin = 'followup')
                ORDER BY indicator_id, area_code, stat_year, gender""").query(rs -> {
            cells.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getString(4),
                    new Cell(rs.getString(5), (Double) rs.getObject(6, Double.class), (Double) rs.getObject(7, Double.class),
                            (Double) rs.getObject(8, Double.class), (Integer) rs.getObject(9, Integer.class), rs.getString(10),
                            rs.getString(11), rs.getLong(12)));
        });
        return cells;
    }

}
