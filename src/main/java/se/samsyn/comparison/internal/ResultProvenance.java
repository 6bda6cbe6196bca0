package se.samsyn.comparison.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.comparison.Indicator;
import se.samsyn.followup.Catalogue;

/**
 * What an indicator's stored results were computed from ({@code cmp_result_source}): a SHA-256
 * digest of everything other than the facts that decides them: the indicator's definition
 * (template, unit, direction, origin, instrument and its minimal important difference and
 * direction, intervention, age bands, focus-area filter), the suppression threshold, the colour
 * shares, which areas each municipality counts towards and {@link #COMPUTATION} (raise it with
 * any change of how results are computed, including a migration that changes the fact views); for
 * indicators computed from follow-up facts also the watermark of those facts ({@link #followupFacts()}).
 * Changes of the facts are announced and wait in {@code cmp_refresh_pending} until they are
 * refreshed; facts written without an announcement are found by the background recount
 * ({@link #changedMunicipalities()}). Results are current when the recorded digest equals the one
 * computed now; at start-up it is computed with the stored watermark ({@link #storedFacts()}),
 * without counting a fact.
 */
@Component
class ResultProvenance {

    /** Raise when the way results are computed changes, so that every database refreshes once. */
    static final String COMPUTATION = "4";

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final String settings;

    ResultProvenance(JdbcClient jdbc, Catalogue catalogue,
                     @Value("${samsyn.suppression-threshold:5}") int threshold,
                     @Value("${samsyn.comparison.green-percent:25}") double greenPercent,
                     @Value("${samsyn.comparison.red-percent:25}") double redPercent) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.settings = COMPUTATION + "|" + threshold + "|" + greenPercent + "|" + redPercent;
    }

    /**
     * A watermark of the follow-up facts: a digest of the number of rows per municipality of
     * follow-up's published fact views of measurements, episodes, ended interventions and judged
     * goals. Announced changes are refreshed from {@code cmp_refresh_pending}, and every refresh
     * records the watermark it began with; facts written without an announced change (bulk SQL
     * outside the application) are found by the background recount ({@link #changedMunicipalities()}),
     * not at start-up, which reads the stored counts only ({@link #storedFacts()}). Counts every
     * fact (its time grows with the country) and keeps the counts per municipality in
     * {@code cmp_fact_count} (V138), for
     * {@link #followupFacts(Coverage)}; for a full refresh. Call within the refresh's transaction.
     */
    String followupFacts() {
        Map<String, String> counts = count(Coverage.ALL);
        jdbc.sql("DELETE FROM cmp_fact_count").update();
        store(counts);
        return digest(counts);
    }

    /**
     * The same watermark after a change of only the covered municipalities' facts: recounts their
     * facts alone and takes every other municipality's counts from {@code cmp_fact_count}, so its
     * cost does not grow with the rest of the country. Equals {@link #followupFacts()} when no
     * other municipality's facts changed since they were last counted; otherwise the background
     * recount ({@link #changedMunicipalities()}) finds those municipalities.
     *
     * @param coverage the municipalities whose follow-up facts changed; not {@link Coverage#ALL}
     */
    String followupFacts(Coverage coverage) {
        Map<String, String> counts = stored();
        coverage.municipalities().forEach(counts::remove);
        Map<String, String> fresh = count(coverage);
        counts.putAll(fresh);
        jdbc.sql("DELETE FROM cmp_fact_count WHERE municipality_code IN (:ms)").param("ms", coverage.codes()).update();
        store(fresh);
        return digest(counts);
    }

    /**
     * The watermark the stored results were last refreshed from, read from {@code cmp_fact_count}
     * without counting any fact: what {@link #followupFacts()} returned (or {@link #followupFacts(Coverage)}
     * recorded) last. Cheap (one row per municipality), for the start-up check; facts written
     * without an announcement since are found by {@link #changedMunicipalities()} instead.
     */
    String storedFacts() {
        return digest(stored());
    }

    /**
     * Counts every follow-up fact of the country and compares the counts per municipality with
     * {@code cmp_fact_count}, without changing it: the municipalities whose facts changed without
     * the change being refreshed yet (written without an announcement, or announced and still
     * pending), including those whose facts were all removed. Its cost grows with the country, so it
     * runs in the background ({@link ResultRefresh#recountFacts()}), never on the start-up path.
     *
     * @return four-digit municipality codes, sorted; empty when every count is as stored
     */
    java.util.SortedSet<String> changedMunicipalities() {
        Map<String, String> stored = stored();
        Map<String, String> counted = count(Coverage.ALL);
        java.util.SortedSet<String> changed = new java.util.TreeSet<>();
        counted.forEach((municipality, facts) -> {
            if (!facts.equals(stored.get(municipality))) {
                changed.add(municipality);
            }
        });
        stored.keySet().stream().filter(m -> !counted.containsKey(m)).forEach(changed::add);
        return changed;
    }

    private Map<String, String> stored() {
        Map<String, String> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT municipality_code, facts FROM cmp_fact_count").query(rs -> {
            counts.put(rs.getString(1), rs.getString(2));
        });
        return counts;
    }

    /** Per municipality with any fact: "measurements,episodes,interventions,goals", sorted by code. */
    private Map<String, String> count(Coverage coverage) {
        Map<String, String> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT x.municipality_code, SUM(x.measurements), SUM(x.episodes), SUM(x.interventions), SUM(x.goals)
                FROM (SELECT municipality_code, COUNT(*) AS measurements, 0 AS episodes, 0 AS interventions, 0 AS goals
                      FROM fup_fact_unit_measurement WHERE 1 = 1""" + coverage.filter("municipality_code") + """
                      GROUP BY municipality_code
                      UNION ALL
                      SELECT municipality_code, 0, COUNT(*), 0, 0 FROM fup_fact_unit_episode WHERE 1 = 1"""
                + coverage.filter("municipality_code") + """
                      GROUP BY municipality_code
                      UNION ALL
                      SELECT municipality_code, 0, 0, COUNT(*), 0 FROM fup_fact_intervention_end WHERE 1 = 1"""
                + coverage.filter("municipality_code") + """
                      GROUP BY municipality_code
                      UNION ALL
                      SELECT municipality_code, 0, 0, 0, COUNT(*) FROM fup_fact_goal WHERE 1 = 1"""
                + coverage.filter("municipality_code") + """
                      GROUP BY municipality_code) x
                GROUP BY x.municipality_code""").param("ms", coverage.codes()).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2) + "," + rs.getLong(3) + "," + rs.getLong(4) + "," + rs.getLong(5));
        });
        return counts;
    }

    private void store(Map<String, String> counts) {
        counts.forEach((municipality, facts) -> jdbc.sql("INSERT INTO cmp_fact_count (municipality_code, facts) VALUES (:m, :f)")
                .param("m", municipality).param("f", facts).update());
    }

    private static String digest(Map<String, String> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((municipality, facts) -> text.append(municipality).append(':').append(facts).append(';'));
        return digest(text.toString());
    }

    /**
     * The digest (64 hex digits) of what the indicator's results would be computed from now.
     *
     * @param areas the digest of the area membership ({@link #areas()})
     * @param facts the follow-up watermark ({@link #followupFacts()}), used for follow-up indicators only
     */
    String fingerprint(Indicator indicator, String areas, String facts) {
        String instrument = indicator.instrumentCode() == null ? "" : catalogue.instrument(indicator.instrumentCode())
                .map(i -> i.code() + ":" + i.minimalImportantDifference() + ":" + i.higherIsBetter()).orElse("?");
        return digest(String.join("|", settings, areas, readsFollowupFacts(indicator) ? facts : "", String.valueOf(indicator.template()),
                String.valueOf(indicator.unit()), String.valueOf(indicator.direction()), String.valueOf(indicator.origin()),
                instrument, String.valueOf(indicator.interventionCode()), String.valueOf(indicator.ageBand()),
                String.valueOf(indicator.filterFocusArea())));
    }

    /**
     * Whether the indicator is computed from follow-up facts (its template's source is
     * {@code followup}), so that its fingerprint holds the follow-up watermark: not imported
     * (official statistics) indicators, nor those computed from workforce or prevention facts.
     */
    static boolean readsFollowupFacts(Indicator indicator) {
        return indicator.computed() && indicator.template() != null && "followup".equals(indicator.template().source());
    }

    /** A digest of the area membership ({@code cmp_area_member}), shared by every indicator's fingerprint. */
    String areas() {
        StringBuilder text = new StringBuilder();
        jdbc.sql("SELECT area_code, area_kind, municipality_code FROM cmp_area_member ORDER BY area_code, municipality_code")
                .query(rs -> {
                    text.append(rs.getString(1)).append(',').append(rs.getString(2)).append(',').append(rs.getString(3)).append(';');
                });
        return digest(text.toString());
    }

    /** The digest recorded when each indicator's results were last refreshed whole, by indicator id. */
    Map<String, String> recorded() {
        Map<String, String> recorded = new java.util.HashMap<>();
        jdbc.sql("SELECT indicator_id, fingerprint FROM cmp_result_source").query(rs -> {
            recorded.put(rs.getString(1), rs.getString(2));
        });
        return recorded;
    }

    /** Records that the indicator's results were refreshed whole from what the digest describes. */
    void record(String indicatorId, String fingerprint, Instant at) {
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        if (jdbc.sql("UPDATE cmp_result_source SET fingerprint = :f, refreshed_at = :at WHERE indicator_id = :id")
                .param("f", fingerprint).param("at", time).param("id", indicatorId).update() == 0) {
            jdbc.sql("INSERT INTO cmp_result_source (indicator_id, fingerprint, refreshed_at) VALUES (:id, :f, :at)")
                    .param("id", indicatorId).param("f", fingerprint).param("at", time).update();
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
