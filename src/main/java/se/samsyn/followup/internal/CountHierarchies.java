package se.samsyn.followup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.PublishedYears;
import se.samsyn.organisation.Organisation;

/**
 * The needs report's and the clients per intervention's counts of every unit in the nation, read
 * in one grouped query each, and their hidden cells at every scope ({@link CountHierarchy}, ADR
 * 0015): what {@link OutcomeTables} publishes outside the owning unit. The nation's counts are read
 * whatever scope is asked for, because a hidden count of a unit can depend on the region's and the
 * nation's sums; the result is cached by the counts.
 */
@Component
class CountHierarchies {

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final int threshold;
    private final CountHierarchy.Cache cache = new CountHierarchy.Cache(8);

    CountHierarchies(JdbcClient jdbc, Organisation organisation,
                     @Value("${samsyn.suppression-threshold:5}") int threshold) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.threshold = threshold;
    }

    /**
     * The needs report of every scope: items {@link CountHierarchy#level} (clients per life area and
     * level at their latest assessment, as {@link OutcomeTables#needs}) and {@link CountHierarchy#goal}
     * (goals per status, {@code open} for none yet).
     */
    CountHierarchy needs() {
        Map<String, String> counties = ScopeFilter.counties(organisation);
        List<CountHierarchy.Count> leaves = new ArrayList<>();
        jdbc.sql("""
                SELECT c.municipality_code, c.unit_code, n.life_area, n.level, COUNT(*) AS needs FROM fup_need n
                JOIN fup_client c ON c.municipality_code = n.municipality_code AND c.id = n.client_id
                WHERE n.removed_at IS NULL AND n.assessed_on = (SELECT MAX(l.assessed_on) FROM fup_need l
                    WHERE l.municipality_code = n.municipality_code AND l.client_id = n.client_id
                      AND l.life_area = n.life_area AND l.removed_at IS NULL)
                GROUP BY c.municipality_code, c.unit_code, n.life_area, n.level
                """)
                .query(rs -> {
                    String municipality = rs.getString(1);
                    String unit = rs.getString(2);
                    int level = rs.getInt(4);
                    int n = rs.getInt(5);
                    LifeArea.fromCode(rs.getString(3)).ifPresent(a -> leaves.add(new CountHierarchy.Count(unit,
                            municipality, counties.get(municipality), CountHierarchy.level(a.code(), level), n)));
                });
        jdbc.sql("""
                SELECT c.municipality_code, c.unit_code, COALESCE(n.goal_status, 'open') AS status, COUNT(*) AS goals
                FROM fup_need n
                JOIN fup_client c ON c.municipality_code = n.municipality_code AND c.id = n.client_id
                WHERE n.goal IS NOT NULL AND n.removed_at IS NULL
                GROUP BY c.municipality_code, c.unit_code, COALESCE(n.goal_status, 'open')
                """)
                .query(rs -> {
                    String municipality = rs.getString(1);
                    leaves.add(new CountHierarchy.Count(rs.getString(2), municipality, counties.get(municipality),
                            CountHierarchy.goal(rs.getString(3)), rs.getInt(4)));
                });
        return cache.get(leaves, threshold);
    }

    /**
     * The clients per intervention of every scope (items {@link CountHierarchy#intervention}): the
     * clients whose intervention was ongoing at some time in {@code years}, as
     * {@link OutcomeTables#clientsPerIntervention}. A client belongs to one unit, so a scope's count
     * is the sum of its units'.
     */
    CountHierarchy clientsPerIntervention(PublishedYears years) {
        Map<String, String> counties = ScopeFilter.counties(organisation);
        List<CountHierarchy.Count> leaves = new ArrayList<>();
        jdbc.sql("""
                SELECT c.municipality_code, c.unit_code, i.intervention_code, COUNT(DISTINCT c.id) AS clients
                FROM fup_intervention i
                JOIN fup_client c ON c.municipality_code = i.municipality_code AND c.id = i.client_id
                WHERE i.removed_at IS NULL AND i.start_date <= :to AND (i.end_date IS NULL OR i.end_date >= :from)
                GROUP BY c.municipality_code, c.unit_code, i.intervention_code
                """)
                .param("from", years.from())
                .param("to", years.to())
                .query(rs -> {
                    String municipality = rs.getString(1);
                    leaves.add(new CountHierarchy.Count(rs.getString(2), municipality, counties.get(municipality),
                            CountHierarchy.intervention(rs.getString(3)), rs.getInt(4)));
                });
        return cache.get(leaves, threshold);
    }
}
