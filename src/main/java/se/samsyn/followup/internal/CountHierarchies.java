package se.samsyn.followup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.PublishedCountsPending;
import se.samsyn.followup.PublishedYears;
import se.samsyn.organisation.Organisation;

/**
 * The needs report's and the clients per intervention's hidden cells at every scope
 * ({@link CountHierarchy}, ADR 0015): what {@link OutcomeTables} publishes outside the owning unit.
 * {@link #needs()} and {@link #clientsPerIntervention} read them as stored by the background
 * refresh ({@link PublishedCountRefresh}, {@link PublishedCountTable}) and never choose hidden
 * cells themselves, which takes seconds at national scale; {@link #needsDirect()} and
 * {@link #clientsPerInterventionDirect} compute them from the counts of every unit in the nation,
 * read in one grouped query each (the nation's counts whatever scope is asked for, because a hidden
 * count of a unit can depend on the region's and the nation's sums), for the refresh.
 */
@Component
class CountHierarchies {

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final int threshold;
    private final PublishedCountTable stored;

    CountHierarchies(JdbcClient jdbc, Organisation organisation,
                     @Value("${samsyn.suppression-threshold:5}") int threshold, PublishedCountTable stored) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.threshold = threshold;
        this.stored = stored;
    }

    /**
     * The stored needs report of every scope ({@link #needsDirect()} as of the last refresh).
     *
     * @throws PublishedCountsPending when none is stored yet
     */
    CountHierarchy needs() {
        return stored.read(PublishedCountTable.NEEDS).map(PublishedCountTable.Stored::hierarchy)
                .orElseThrow(() -> new PublishedCountsPending(PublishedCountTable.NEEDS));
    }

    /**
     * The stored clients per intervention of every scope ({@link #clientsPerInterventionDirect} as
     * of the last refresh).
     *
     * @throws PublishedCountsPending when those years are not stored (yet)
     */
    CountHierarchy clientsPerIntervention(PublishedYears years) {
        String report = PublishedCountTable.interventions(years);
        return stored.read(report).map(PublishedCountTable.Stored::hierarchy)
                .orElseThrow(() -> new PublishedCountsPending(report));
    }

    /** {@link CountHierarchy#of} with this installation's threshold: chooses the hidden cells, seconds at national scale. */
    CountHierarchy compute(List<CountHierarchy.Count> leaves) {
        return CountHierarchy.of(leaves, threshold);
    }

    /** {@link CountHierarchy#of} on {@link #needsCounts()}: chooses the hidden cells, seconds at national scale. */
    CountHierarchy needsDirect() {
        return CountHierarchy.of(needsCounts(), threshold);
    }

    /** {@link CountHierarchy#of} on {@link #interventionCounts}: chooses the hidden cells, seconds at national scale. */
    CountHierarchy clientsPerInterventionDirect(PublishedYears years) {
        return CountHierarchy.of(interventionCounts(years), threshold);
    }

    /**
     * The counts of the needs report of every unit: items {@link CountHierarchy#level} (clients per life area and
     * level at their latest assessment, as {@link OutcomeTables#needs}) and {@link CountHierarchy#goal}
     * (goals per status, {@code open} for none yet).
     */
    List<CountHierarchy.Count> needsCounts() {
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
        return leaves;
    }

    /**
     * The counts of the clients per intervention of every unit (items {@link CountHierarchy#intervention}): the
     * clients whose intervention was ongoing at some time in {@code years}, as
     * {@link OutcomeTables#clientsPerIntervention}. A client belongs to one unit, so a scope's count
     * is the sum of its units'.
     */
    List<CountHierarchy.Count> interventionCounts(PublishedYears years) {
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
        return leaves;
    }
}
