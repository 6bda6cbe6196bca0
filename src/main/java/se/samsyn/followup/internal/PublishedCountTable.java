package se.samsyn.followup.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.disclosure.Cell;
import se.samsyn.followup.PublishedYears;

/**
 * The stored needs reports and clients per intervention as published outside the owning unit
 * ({@code fup_published_count} and {@code fup_published_report}, V143): per report, every cell of
 * every scope with a count above 0, its count and whether it is hidden, and when the counts were
 * read. Written only by {@link PublishedCountRefresh}, read by {@link CountHierarchies}. Reading a
 * report costs one small query while it is unchanged (the last one read is kept in memory and
 * checked against its {@code counted_at}), and one read of its rows after a refresh.
 */
@Component
class PublishedCountTable {

    /** The report key of the needs report. */
    static final String NEEDS = "needs";

    private static final String INTERVENTIONS = "interventions:";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Map<String, Stored> lastRead = new HashMap<>();

    PublishedCountTable(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A stored report: its cells and hidden cells, and when its counts were read. */
    record Stored(CountHierarchy hierarchy, Instant countedAt) {
    }

    /** The report key of the clients per intervention of {@code years}: {@code interventions:2025}, {@code interventions:2024-2025}. */
    static String interventions(PublishedYears years) {
        return INTERVENTIONS + (years.single() ? String.valueOf(years.first()) : years.first() + "-" + years.last());
    }

    /** The key of the clients per intervention of the single year before {@code years}' first. */
    static String interventionsBefore(PublishedYears years) {
        return INTERVENTIONS + (years.first() - 1);
    }

    /** When the stored report's counts were read; empty when the report is not stored. */
    Optional<Instant> countedAt(String report) {
        return jdbc.sql("SELECT counted_at FROM fup_published_report WHERE report = :report").param("report", report)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /** The earliest time any stored report was counted at; empty when none is stored. */
    Optional<Instant> oldestCountedAt() {
        return jdbc.sql("SELECT MIN(counted_at) FROM fup_published_report")
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    /** The stored report, or empty when it is not stored. Never chooses hidden cells. */
    Optional<Stored> read(String report) {
        Optional<Instant> countedAt = countedAt(report);
        if (countedAt.isEmpty()) {
            return Optional.empty();
        }
        synchronized (lastRead) {
            Stored cached = lastRead.get(report);
            if (cached != null && cached.countedAt().equals(countedAt.get())) {
                return Optional.of(cached);
            }
        }
        Map<Cell, Integer> counts = new HashMap<>();
        Set<Cell> hidden = new TreeSet<>();
        Instant[] at = {null};
        // one statement, so the time and the cells come from the same committed refresh
        jdbc.sql("""
                SELECT r.counted_at, c.scope, c.item, c.clients, c.hidden FROM fup_published_report r
                LEFT JOIN fup_published_count c ON c.report = r.report WHERE r.report = :report""")
                .param("report", report)
                .query(rs -> {
                    at[0] = rs.getObject(1, OffsetDateTime.class).toInstant();
                    if (rs.getString(2) != null) {
                        Cell cell = new Cell(rs.getString(2), rs.getString(3));
                        counts.put(cell, rs.getInt(4));
                        if (rs.getBoolean(5)) {
                            hidden.add(cell);
                        }
                    }
                });
        if (at[0] == null) {
            return Optional.empty();
        }
        Stored stored = new Stored(CountHierarchy.stored(counts, hidden), at[0]);
        synchronized (lastRead) {
            lastRead.put(report, stored);
        }
        return Optional.of(stored);
    }

    /**
     * Replaces the stored reports with {@code reports}, in the caller's transaction: the caller
     * holds the write lock ({@link PublishedCountRefresh}), so that two refreshes write one after
     * the other and a reader sees one whole set. Every other stored report goes too, except
     * {@code kept}: the clients per intervention of the year before, so that an instance whose clock
     * is still in the old year on 1 January reads that year's figures instead of storing them again
     * over the new year's (each report is protected on its own, so an older one stays a whole).
     *
     * @param reports   the reports by key ({@link #NEEDS}, {@link #interventions})
     * @param kept      keys of stored reports to leave as they are (may be empty)
     * @param countedAt when their counts were read
     * @param millis    how long choosing the hidden cells took, in milliseconds
     */
    void replace(Map<String, CountHierarchy> reports, Set<String> kept, Instant countedAt, long millis) {
        List<String> keep = kept.isEmpty() ? List.of("") : List.copyOf(kept);
        jdbc.sql("DELETE FROM fup_published_count WHERE report NOT IN (:kept)").param("kept", keep).update();
        jdbc.sql("DELETE FROM fup_published_report WHERE report NOT IN (:kept)").param("kept", keep).update();
        List<MapSqlParameterSource> rows = new ArrayList<>();
        reports.forEach((report, hierarchy) -> {
            Set<Cell> hidden = hierarchy.hiddenCells();
            hierarchy.counts().forEach((cell, n) -> rows.add(new MapSqlParameterSource()
                    .addValue("report", report).addValue("scope", cell.table()).addValue("item", cell.item())
                    .addValue("clients", n).addValue("hidden", hidden.contains(cell))));
            jdbc.sql("INSERT INTO fup_published_report (report, counted_at, computed_ms) VALUES (:report, :at, :ms)")
                    .param("report", report).param("at", OffsetDateTime.ofInstant(countedAt, ZoneOffset.UTC))
                    .param("ms", millis).update();
        });
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO fup_published_count (report, scope, item, clients, hidden)
                    VALUES (:report, :scope, :item, :clients, :hidden)""", rows.toArray(MapSqlParameterSource[]::new));
        }
    }
}
