package se.samsyn.followup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.followup.Instrument;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Scope;

/**
 * The clients' pairs of an outcome report (earliest baseline, latest follow-up in the period) read
 * from the {@code fup_*} tables, and the protected systems built from them (ADR 0015): a region's
 * report with its municipalities' and their units' ({@link OutcomeHierarchy}, cached by the
 * region's clients), and the nation's from its regions' ({@link NationalProtection}).
 */
@Component
class OutcomePairs {

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final int threshold;

    /** The regions' systems: 21 regions of a few instruments and years are read together for the nation. */
    private final OutcomeHierarchy.Cache hierarchies = new OutcomeHierarchy.Cache(128);

    OutcomePairs(JdbcClient jdbc, Organisation organisation,
                 @Value("${samsyn.suppression-threshold:5}") int threshold) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.threshold = threshold;
    }

    /** One client's pair under one of its interventions, in the municipality that holds the client. */
    record PairRow(long client, String municipality, String unit, String sex, String intervention,
                   double baseline, double followUp) {
    }

    /**
     * One row per client and intervention: the client's earliest baseline of the instrument and
     * latest follow-up (any later time point) measured within the period. The scope filter is
     * one of the fixed fragments of {@link ScopeFilter}; municipality codes for a region come from
     * the organisation module's API rather than from a join on its tables.
     */
    List<PairRow> pairs(String instrument, LocalDate from, LocalDate to, Scope scope) {
        ScopeFilter scopeFilter = ScopeFilter.of(scope, organisation);
        String filter = scopeFilter.sql();
        Map<String, Object> params = new HashMap<>(scopeFilter.params());
        params.put("instrument", instrument);
        params.put("from", from);
        params.put("to", to);
        List<PairRow> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT c.id, c.municipality_code, c.unit_code, c.legal_sex, i.intervention_code,
                  (SELECT m.score FROM fup_measurement m
                    WHERE m.municipality_code = c.municipality_code AND m.client_id = c.id
                      AND m.instrument_code = :instrument AND m.time_point = 'baseline' AND m.removed_at IS NULL
                    ORDER BY m.measured_on, m.id LIMIT 1) AS baseline,
                  (SELECT m.score FROM fup_measurement m
                    WHERE m.municipality_code = c.municipality_code AND m.client_id = c.id
                      AND m.instrument_code = :instrument AND m.time_point <> 'baseline' AND m.removed_at IS NULL
                      AND m.measured_on BETWEEN :from AND :to
                    ORDER BY m.measured_on DESC, m.id DESC LIMIT 1) AS follow_up
                FROM fup_client c
                JOIN (SELECT DISTINCT municipality_code, client_id, intervention_code FROM fup_intervention
                      WHERE removed_at IS NULL) i
                  ON i.municipality_code = c.municipality_code AND i.client_id = c.id
                WHERE %s
                """.formatted(filter))
                .params(params)
                .query(rs -> {
                    double baseline = rs.getDouble("baseline");
                    boolean noBaseline = rs.wasNull();
                    double followUp = rs.getDouble("follow_up");
                    if (!noBaseline && !rs.wasNull()) {
                        rows.add(new PairRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), baseline, followUp));
                    }
                });
        return rows;
    }

    /**
     * The protected system of one region's pairs: the region's report, its municipalities' and
     * their units' together, one client per municipality and client with all its interventions;
     * cached by the clients.
     *
     * @param region every pair of one region (as {@link #pairs} reads the region)
     */
    OutcomeHierarchy region(List<PairRow> region, Instrument instrument, Map<String, String> counties) {
        return system(clients(region, instrument, counties));
    }

    /**
     * The protected system of one region's clients ({@link #clients}), from the same cache as
     * {@link #region}, so a report computed on the spot after the background refresh finds it.
     */
    OutcomeHierarchy system(List<OutcomeHierarchy.Client> clients) {
        return hierarchies.get(clients, OutcomeTables.BINS, threshold, true);
    }

    /**
     * The clients of a protected system from their pairs: one per municipality and client, with
     * all its interventions and the bins of its scores.
     */
    static List<OutcomeHierarchy.Client> clients(List<PairRow> pairs, Instrument instrument,
                                                 Map<String, String> counties) {
        double width = (instrument.scoreMax() - instrument.scoreMin()) / OutcomeTables.BINS;
        Map<String, PairRow> first = new LinkedHashMap<>();
        Map<String, Set<String>> interventions = new HashMap<>();
        for (PairRow p : pairs) {
            String key = p.municipality + "/" + p.client;
            first.putIfAbsent(key, p);
            interventions.computeIfAbsent(key, k -> new TreeSet<>()).add(p.intervention);
        }
        List<OutcomeHierarchy.Client> clients = new ArrayList<>();
        first.forEach((key, p) -> clients.add(new OutcomeHierarchy.Client(p.unit, p.municipality,
                counties.getOrDefault(p.municipality, "?"), p.sex, interventions.get(key),
                OutcomeTables.bin(p.baseline, instrument.scoreMin(), width, OutcomeTables.BINS),
                OutcomeTables.bin(p.followUp, instrument.scoreMin(), width, OutcomeTables.BINS))));
        return clients;
    }

    /** The suppression threshold t of ADR 0015. */
    int threshold() {
        return threshold;
    }

    /**
     * The nation's report and its hidden cells from its regions' protected systems
     * ({@link NationalProtection}), each region's looked up as its own pages look it up (the same
     * cache entry); the regions not cached yet are computed in parallel.
     *
     * @param national every pair of the nation
     * @param scopeKey the key the nation's cells get
     */
    OutcomeHierarchy nation(List<PairRow> national, Instrument instrument, Map<String, String> counties,
                            String scopeKey) {
        Map<String, List<PairRow>> byRegion = new TreeMap<>();
        national.forEach(p -> byRegion.computeIfAbsent(counties.getOrDefault(p.municipality, "?"),
                k -> new ArrayList<>()).add(p));
        // the regions' systems are independent: computed side by side on the common pool
        Map<String, OutcomeHierarchy> regions = new TreeMap<>(byRegion.entrySet().parallelStream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> region(e.getValue(), instrument, counties))));
        return NationalProtection.nation(regions, scopeKey);
    }

    /** The nation's report as {@link #nation(List, Instrument, Map, String)}, its pairs read here. */
    OutcomeHierarchy nation(Instrument instrument, LocalDate from, LocalDate to, String scopeKey) {
        return nation(pairs(instrument.code(), from, to, Scope.nation()), instrument, ScopeFilter.counties(organisation),
                scopeKey);
    }
}
