package se.samsyn.followup.internal;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.disclosure.Cell;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.PublishedOutcomeCounts;
import se.samsyn.followup.PublishedOutcomeTable;
import se.samsyn.shared.Scope;

/**
 * The outcome reports as published outside the owning unit, computed in the background
 * ({@link OutcomeProtectionRefresh}) and stored (V147), and the regions' protected systems they
 * were hidden by:
 * <ul>
 *   <li>{@code fup_outcome_protected_cell}: per calendar year, instrument and scope (the nation,
 *       every region, municipality and unit with a client that year) every cell of its report
 *       (each row's T, K and M with n, medians and share improved; each bin), n and the
 *       statistics null where hidden;</li>
 *   <li>{@code fup_outcome_protected_count}: per year, instrument and region the counts of every
 *       scope of the region's system and whether each is hidden (a hidden empty cell with 0), from which the next refresh
 *       knows whether a region's clients changed and the nation's hidden cells come;</li>
 *   <li>{@code fup_outcome_protected_report}: one row, when the counts were read.</li>
 * </ul>
 * A read of a report is one query on the primary key, whatever the number of clients, and runs no
 * solver. Written only by {@link OutcomeProtectionRefresh}, in one transaction.
 */
@Component
class StoredOutcomeReports {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    StoredOutcomeReports(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The stored report of one scope, keyed as {@link OutcomeHierarchy} keys scopes ({@code nation} for the nation). */
    record ScopeReport(int year, String instrument, String scope, OutcomeReport report) {
    }

    /** The protected system of one region in one year and instrument. */
    record SystemKey(int year, String instrument, String region) {
    }

    /** When the stored reports' counts were read; empty before the first refresh. */
    Optional<Instant> countedAt() {
        return jdbc.sql("SELECT counted_at FROM fup_outcome_protected_report WHERE id = 1")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /**
     * The stored report of one scope and calendar year, as published outside the owning unit:
     * the rows, cells and bins of the report computed from the clients when the counts were read,
     * with {@link OutcomeReport#asOfLastRefresh} set. A scope without a client that year has the
     * empty report (every n 0). One statement, so the time and the cells come from one refresh.
     *
     * @param scope  the scope's key ({@link OutcomeHierarchy#regionScope} etc., {@link OutcomeHierarchy#NATION})
     * @param target the scope as the report names it
     * @param names  intervention names by code
     * @return empty before the first refresh
     */
    Optional<OutcomeReport> report(Instrument instrument, int year, String scope, Scope target,
                                   Map<String, String> names, int threshold) {
        Instant[] at = {null};
        Map<String, Object[]> cells = new HashMap<>();
        jdbc.sql("""
                SELECT r.counted_at, c.item, c.clients, c.median_baseline, c.median_follow_up, c.median_change,
                       c.share_improved, c.hidden
                FROM fup_outcome_protected_report r
                LEFT JOIN fup_outcome_protected_cell c ON c.period_year = :year AND c.instrument_code = :instrument
                     AND c.scope = :scope
                WHERE r.id = 1""")
                .param("year", year).param("instrument", instrument.code()).param("scope", scope)
                .query(rs -> {
                    at[0] = rs.getObject(1, OffsetDateTime.class).toInstant();
                    if (rs.getString(2) != null) {
                        cells.put(rs.getString(2), new Object[] {rs.getObject(3, Integer.class),
                            rs.getObject(4, Double.class), rs.getObject(5, Double.class), rs.getObject(6, Double.class),
                            rs.getObject(7, Double.class), rs.getBoolean(8)});
                    }
                });
        if (at[0] == null) {
            return Optional.empty();
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        OutcomeReport empty = PairedReports.report(List.of(), instrument, null, scope, names, from, to, target, true,
                threshold, true);
        if (cells.isEmpty()) {
            return Optional.of(empty);
        }
        Set<String> interventions = new TreeSet<>();
        cells.keySet().stream().filter(item -> item.startsWith("int:"))
                .forEach(item -> interventions.add(item.substring(4, item.lastIndexOf('/'))));
        List<String> codes = new ArrayList<>();
        codes.add(null);
        codes.addAll(interventions);
        List<OutcomeReport.Row> rows = new ArrayList<>();
        for (String code : codes) {
            Map<String, OutcomeReport.Cell> row = new LinkedHashMap<>();
            for (String sex : OutcomeReport.SEXES) {
                Object[] c = cells.get(OutcomeHierarchy.row(code, sex));
                row.put(sex, c == null ? new OutcomeReport.Cell(0, null, null, null, null, false)
                        : new OutcomeReport.Cell((Integer) c[0], (Double) c[1], (Double) c[2], (Double) c[3],
                        (Double) c[4], (Boolean) c[5]));
            }
            rows.add(new OutcomeReport.Row(code, code == null ? null : names.getOrDefault(code, code), row));
        }
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (int b = 0; b < OutcomeTables.BINS; b++) {
            Object[] x = cells.get(OutcomeHierarchy.bin(true, b));
            Object[] y = cells.get(OutcomeHierarchy.bin(false, b));
            before.add(x == null ? Integer.valueOf(0) : (Integer) x[0]);
            after.add(y == null ? Integer.valueOf(0) : (Integer) y[0]);
        }
        return Optional.of(new OutcomeReport(empty.instrumentCode(), empty.instrumentName(), empty.higherIsBetter(),
                empty.minimalImportantDifference(), from, to, target, true, threshold, rows,
                new OutcomeReport.Distribution(empty.distribution().bins(), before, after), true));
    }

    /**
     * The n of one row of every stored nation, region and municipality report of an instrument and
     * year, by sex, null where hidden; one statement, so the time and the cells come from one
     * refresh. Scopes without the row (no client that year, or none of the intervention) are absent.
     *
     * @param intervention the row of one intervention, or null for all interventions
     * @return empty before the first refresh
     */
    Optional<PublishedOutcomeCounts> counts(String instrument, String intervention, int year) {
        Instant[] at = {null};
        Map<Scope, Map<String, Integer>> n = new LinkedHashMap<>();
        Map<String, String> sexOf = new HashMap<>();
        for (String sex : OutcomeReport.SEXES) {
            sexOf.put(OutcomeHierarchy.row(intervention, sex), sex);
        }
        jdbc.sql("""
                SELECT r.counted_at, c.scope, c.item, c.clients, c.hidden
                FROM fup_outcome_protected_report r
                LEFT JOIN fup_outcome_protected_cell c ON c.period_year = :year AND c.instrument_code = :instrument
                     AND c.item IN (:items)
                     AND (c.scope = :nation OR c.scope LIKE :region OR c.scope LIKE :municipality)
                WHERE r.id = 1
                ORDER BY c.scope, c.item""")
                .param("year", year).param("instrument", instrument).param("items", List.copyOf(sexOf.keySet()))
                .param("nation", OutcomeHierarchy.NATION).param("region", OutcomeHierarchy.regionScope("%"))
                .param("municipality", OutcomeHierarchy.municipalityScope("%"))
                .query(rs -> {
                    at[0] = rs.getObject(1, OffsetDateTime.class).toInstant();
                    String scope = rs.getString(2);
                    if (scope != null) {
                        n.computeIfAbsent(target(scope), k -> new LinkedHashMap<>()).put(sexOf.get(rs.getString(3)),
                                rs.getBoolean(5) ? null : rs.getObject(4, Integer.class));
                    }
                });
        return at[0] == null ? Optional.empty() : Optional.of(new PublishedOutcomeCounts(at[0], n));
    }

    /**
     * Every row of every stored scope's report of an instrument and year, with the true counts of
     * hidden cells and the reports' relations ({@link PublishedOutcomeTable}, the distribution bins included).
     * The regions', municipalities', units' and {@code rest:} counts come from the regions' stored
     * systems, the nation's counts are the sums over its regions and its hidden cells those of its
     * stored report. Two statements, read without audit.
     *
     * @param unitsOf the unit codes of a municipality, to tie a municipality to its units
     * @return empty before the first refresh or without a report of the instrument and year
     */
    Optional<PublishedOutcomeTable> table(String instrument, int year,
                                          java.util.function.Function<String, List<String>> unitsOf) {
        Optional<Instant> at = countedAt();
        if (at.isEmpty()) {
            return Optional.empty();
        }
        Map<Cell, Integer> counts = new TreeMap<>();
        Set<Cell> hidden = new TreeSet<>();
        Map<String, Set<String>> municipalities = new TreeMap<>();
        jdbc.sql("""
                SELECT region_code, scope, item, clients, hidden FROM fup_outcome_protected_count
                WHERE period_year = :year AND instrument_code = :instrument
                  AND (item LIKE 'all/%' OR item LIKE 'int:%' OR item LIKE 'before/%' OR item LIKE 'after/%')
                  AND scope <> :nation""")
                .param("year", year).param("instrument", instrument).param("nation", OutcomeHierarchy.NATION)
                .query(rs -> {
                    String scope = rs.getString(2);
                    Cell cell = new Cell(scope, rs.getString(3));
                    if (rs.getInt(4) > 0) {
                        counts.put(cell, rs.getInt(4));
                    }
                    if (rs.getBoolean(5) || scope.startsWith("rest:")) {
                        hidden.add(cell);
                    }
                    String region = OutcomeHierarchy.regionScope(rs.getString(1));
                    municipalities.computeIfAbsent(region, k -> new TreeSet<>());
                    if (scope.startsWith("municipality:")) {
                        municipalities.get(region).add(scope);
                    }
                });
        if (municipalities.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("""
                SELECT item FROM fup_outcome_protected_cell
                WHERE period_year = :year AND instrument_code = :instrument AND scope = :nation AND hidden
                  AND (item LIKE 'all/%' OR item LIKE 'int:%' OR item LIKE 'before/%' OR item LIKE 'after/%')""")
                .param("year", year).param("instrument", instrument).param("nation", OutcomeHierarchy.NATION)
                .query(rs -> {
                    hidden.add(new Cell(OutcomeHierarchy.NATION, rs.getString(1)));
                });
        Map<String, Set<String>> items = new TreeMap<>();
        counts.keySet().forEach(c -> items.computeIfAbsent(c.table(), k -> new TreeSet<>()).add(c.item()));
        hidden.forEach(c -> items.computeIfAbsent(c.table(), k -> new TreeSet<>()).add(c.item()));
        // the nation: the sum over its regions, item by item
        Set<String> nationItems = new TreeSet<>();
        municipalities.keySet().forEach(r -> nationItems.addAll(items.getOrDefault(r, Set.of())));
        List<PublishedOutcomeTable.Sum> sums = new ArrayList<>();
        for (String item : nationItems) {
            Cell whole = new Cell(OutcomeHierarchy.NATION, item);
            List<Cell> parts = municipalities.keySet().stream().map(r -> new Cell(r, item)).toList();
            int n = parts.stream().mapToInt(c -> counts.getOrDefault(c, 0)).sum();
            if (n > 0) {
                counts.put(whole, n);
            }
            sums.add(new PublishedOutcomeTable.Sum(whole, parts));
        }
        items.computeIfAbsent(OutcomeHierarchy.NATION, k -> new TreeSet<>()).addAll(nationItems);
        // a region and its municipalities; a municipality with units, its units and its clients without one
        municipalities.forEach((region, ms) -> {
            for (String item : items.getOrDefault(region, Set.of())) {
                sums.add(new PublishedOutcomeTable.Sum(new Cell(region, item),
                        ms.stream().map(m -> new Cell(m, item)).toList()));
            }
            for (String m : ms) {
                String code = m.substring(m.indexOf(':') + 1);
                List<String> kids = new ArrayList<>();
                unitsOf.apply(code).forEach(u -> {
                    if (items.containsKey(OutcomeHierarchy.unitScope(u))) {
                        kids.add(OutcomeHierarchy.unitScope(u));
                    }
                });
                if (items.containsKey(OutcomeHierarchy.restScope(code))) {
                    kids.add(OutcomeHierarchy.restScope(code));
                }
                if (!kids.isEmpty()) {
                    for (String item : items.getOrDefault(m, Set.of())) {
                        sums.add(new PublishedOutcomeTable.Sum(new Cell(m, item),
                                kids.stream().map(k -> new Cell(k, item)).toList()));
                    }
                }
            }
        });
        // within each scope's report: T = K + M, each distribution series sums to T, and the
        // intervention rows against the all row
        List<PublishedOutcomeTable.Sum> atMost = new ArrayList<>();
        items.forEach((scope, scopeItems) -> {
            Set<String> rows = new TreeSet<>();
            scopeItems.stream().filter(item -> item.startsWith(OutcomeHierarchy.ALL + "/") || item.startsWith("int:"))
                    .forEach(item -> rows.add(item.substring(0, item.lastIndexOf('/'))));
            if (scopeItems.stream().anyMatch(item -> !rows.contains(item.substring(0, item.lastIndexOf('/'))))) {
                for (boolean before : new boolean[] {true, false}) {
                    List<Cell> bins = new ArrayList<>();
                    for (int b = 0; b < OutcomeTables.BINS; b++) {
                        bins.add(new Cell(scope, OutcomeHierarchy.bin(before, b)));
                    }
                    sums.add(new PublishedOutcomeTable.Sum(new Cell(scope, OutcomeHierarchy.row(null, "T")), bins));
                }
            }
            for (String row : rows) {
                sums.add(new PublishedOutcomeTable.Sum(new Cell(scope, row + "/T"),
                        List.of(new Cell(scope, row + "/K"), new Cell(scope, row + "/M"))));
            }
            for (String sex : OutcomeReport.SEXES) {
                Cell all = new Cell(scope, OutcomeHierarchy.row(null, sex));
                List<Cell> parts = rows.stream().filter(r -> r.startsWith("int:")).map(r -> new Cell(scope, r + "/" + sex))
                        .toList();
                parts.forEach(p -> atMost.add(new PublishedOutcomeTable.Sum(p, List.of(all))));
                if (!parts.isEmpty()) {
                    atMost.add(new PublishedOutcomeTable.Sum(all, parts));
                }
            }
        });
        return Optional.of(new PublishedOutcomeTable(at.get(), counts, hidden, sums, atMost));
    }

    /** The scope a stored key names: {@code nation}, {@code region:12}, {@code municipality:1280}. */
    private static Scope target(String scope) {
        if (OutcomeHierarchy.NATION.equals(scope)) {
            return Scope.nation();
        }
        String code = scope.substring(scope.indexOf(':') + 1);
        return scope.equals(OutcomeHierarchy.regionScope(code)) ? Scope.region(code) : Scope.municipality(code);
    }

    /**
     * Every stored region's protected system, by year, instrument and region, when they were chosen
     * under {@code protection} (the rules as {@link OutcomeProtectionRefresh#protection} writes them);
     * none when nothing is stored or they were chosen under other rules (another threshold, number
     * of bins or version of the protection), so that the caller protects every region anew. Never
     * chooses hidden cells.
     */
    Map<SystemKey, OutcomeHierarchy> systems(String protection) {
        List<String> stored = jdbc.sql("SELECT protection FROM fup_outcome_protected_report WHERE id = 1")
                .query(String.class).list();
        if (stored.isEmpty() || !protection.equals(stored.get(0))) {
            return Map.of();
        }
        Map<SystemKey, Map<Cell, Integer>> counts = new HashMap<>();
        Map<SystemKey, Set<Cell>> hidden = new HashMap<>();
        jdbc.sql("SELECT period_year, instrument_code, region_code, scope, item, clients, hidden FROM fup_outcome_protected_count")
                .query(rs -> {
                    SystemKey key = new SystemKey(rs.getInt(1), rs.getString(2), rs.getString(3));
                    Cell cell = new Cell(rs.getString(4), rs.getString(5));
                    Map<Cell, Integer> system = counts.computeIfAbsent(key, k -> new TreeMap<>());
                    if (rs.getInt(6) > 0) {
                        system.put(cell, rs.getInt(6));
                    }
                    if (rs.getBoolean(7)) {
                        hidden.computeIfAbsent(key, k -> new TreeSet<>()).add(cell);
                    }
                });
        Map<SystemKey, OutcomeHierarchy> systems = new HashMap<>();
        counts.forEach((key, c) -> systems.put(key, OutcomeHierarchy.published(c, hidden.getOrDefault(key, Set.of()))));
        return systems;
    }

    /**
     * Replaces every stored report and system, in the caller's transaction (the caller holds the
     * write lock, so that a reader sees one whole set).
     *
     * @param reports   every scope's report of every year and instrument
     * @param systems   every region's protected system
     * @param countedAt when their counts were read
     * @param millis    how long the refresh took to compute them, in milliseconds
     * @param computed  how many regions' systems were protected anew (the others were unchanged)
     * @param protection the rules the hidden cells were chosen under (threshold, bins, version)
     */
    void replace(List<ScopeReport> reports, Map<SystemKey, OutcomeHierarchy> systems, Instant countedAt, long millis,
                 int computed, String protection) {
        jdbc.sql("DELETE FROM fup_outcome_protected_cell").update();
        jdbc.sql("DELETE FROM fup_outcome_protected_count").update();
        jdbc.sql("DELETE FROM fup_outcome_protected_report").update();
        List<MapSqlParameterSource> cells = new ArrayList<>();
        for (ScopeReport r : reports) {
            for (OutcomeReport.Row row : r.report().rows()) {
                row.cells().forEach((sex, c) -> cells.add(cell(r, OutcomeHierarchy.row(row.interventionCode(), sex))
                        .addValue("clients", c.n(), Types.INTEGER)
                        .addValue("baseline", c.medianBaseline(), Types.DOUBLE)
                        .addValue("followUp", c.medianFollowUp(), Types.DOUBLE)
                        .addValue("change", c.medianChange(), Types.DOUBLE)
                        .addValue("improved", c.shareImproved(), Types.DOUBLE).addValue("hidden", c.suppressed())));
            }
            OutcomeReport.Distribution d = r.report().distribution();
            for (int b = 0; b < d.baseline().size(); b++) {
                cells.add(bin(r, OutcomeHierarchy.bin(true, b), d.baseline().get(b)));
                cells.add(bin(r, OutcomeHierarchy.bin(false, b), d.followUp().get(b)));
            }
        }
        List<MapSqlParameterSource> counts = new ArrayList<>();
        systems.forEach((key, system) -> {
            Set<Cell> hidden = system.hiddenCells();
            Map<Cell, Integer> n = system.counts();
            // a hidden cell may be empty (every bin of a hidden total): kept with 0 clients
            Set<Cell> kept = new TreeSet<>(n.keySet());
            kept.addAll(hidden);
            kept.forEach(cell -> counts.add(new MapSqlParameterSource()
                    .addValue("year", key.year()).addValue("instrument", key.instrument())
                    .addValue("region", key.region()).addValue("scope", cell.table()).addValue("item", cell.item())
                    .addValue("clients", n.getOrDefault(cell, 0)).addValue("hidden", hidden.contains(cell))));
        });
        if (!cells.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO fup_outcome_protected_cell (period_year, instrument_code, scope, item, clients,
                        median_baseline, median_follow_up, median_change, share_improved, hidden)
                    VALUES (:year, :instrument, :scope, :item, :clients, :baseline, :followUp, :change, :improved,
                        :hidden)""", cells.toArray(MapSqlParameterSource[]::new));
        }
        if (!counts.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO fup_outcome_protected_count (period_year, instrument_code, region_code, scope, item,
                        clients, hidden)
                    VALUES (:year, :instrument, :region, :scope, :item, :clients, :hidden)""",
                    counts.toArray(MapSqlParameterSource[]::new));
        }
        jdbc.sql("""
                INSERT INTO fup_outcome_protected_report (id, counted_at, computed_ms, regions_computed, protection)
                VALUES (1, :at, :ms, :computed, :protection)""")
                .param("at", OffsetDateTime.ofInstant(countedAt, ZoneOffset.UTC)).param("ms", millis)
                .param("computed", computed).param("protection", protection).update();
    }

    private static MapSqlParameterSource cell(ScopeReport r, String item) {
        return new MapSqlParameterSource().addValue("year", r.year()).addValue("instrument", r.instrument())
                .addValue("scope", r.scope()).addValue("item", item);
    }

    private static MapSqlParameterSource bin(ScopeReport r, String item, Integer clients) {
        return cell(r, item).addValue("clients", clients, Types.INTEGER).addValue("baseline", null, Types.DOUBLE)
                .addValue("followUp", null, Types.DOUBLE).addValue("change", null, Types.DOUBLE)
                .addValue("improved", null, Types.DOUBLE).addValue("hidden", clients == null);
    }
}
