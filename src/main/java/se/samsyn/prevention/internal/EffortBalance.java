package se.samsyn.prevention.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.prevention.ActivityNotFound;
import se.samsyn.prevention.BalanceRow;
import se.samsyn.prevention.KindEvidence;
import se.samsyn.prevention.OutcomeSummary;
import se.samsyn.prevention.PreventionFigures;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * The balance of a municipality's recorded effort and the national evidence per kind. Casework is
 * read from follow-up's published fact view {@code fup_fact_episode} (clients with an episode open
 * at some time in the year, per focus area: the one figure of casework effort follow-up records
 * for every focus area), preventive work from this module's {@code prv_fact_*} views. Counts from
 * 1 to 4 are withheld, as everywhere in Samsyn's published figures.
 */
@Service
@Transactional(readOnly = true)
class EffortBalance implements PreventionFigures {

    private final JdbcClient jdbc;
    private final PreventionAccess access;
    private final Clock clock;

    EffortBalance(JdbcClient jdbc, PreventionAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public boolean maySeeBalance(Actor actor, String municipalityCode) {
        return access.maySeeMunicipality(actor, municipalityCode);
    }

    @Override
    public List<BalanceRow> balance(Actor actor, String municipalityCode, int years) {
        if (!access.maySeeMunicipality(actor, municipalityCode)) {
            throw new ActivityNotFound();
        }
        int last = SwedishTime.today(clock).getYear();
        int first = last - Math.max(1, years) + 1;
        Map<String, int[]> cells = new HashMap<>();
        TreeSet<String> areas = new TreeSet<>();
        for (int y = first; y <= last; y++) {
            int year = y;
            jdbc.sql("""
                    SELECT focus_area, COUNT(DISTINCT client_id) FROM fup_fact_episode
                    WHERE municipality_code = :m AND start_year <= :y AND (end_year IS NULL OR end_year >= :y)
                    GROUP BY focus_area""").param("m", municipalityCode).param("y", y)
                    .query((rs, n) -> {
                        areas.add(rs.getString(1));
                        cells.computeIfAbsent(year + "|" + rs.getString(1), k -> new int[4])[0] = rs.getInt(2);
                        return null;
                    }).list();
        }
        jdbc.sql("""
                SELECT stat_year, focus_area, SUM(participants), SUM(contacts) FROM prv_fact_reach
                WHERE municipality_code = :m AND stat_year BETWEEN :first AND :last GROUP BY stat_year, focus_area""")
                .param("m", municipalityCode).param("first", first).param("last", last)
                .query((rs, n) -> {
                    areas.add(rs.getString(2));
                    int[] c = cells.computeIfAbsent(rs.getInt(1) + "|" + rs.getString(2), k -> new int[4]);
                    c[1] = rs.getInt(3);
                    c[2] = rs.getInt(4);
                    return null;
                }).list();
        jdbc.sql("""
                SELECT stat_year, focus_area, SUM(activities) FROM prv_fact_activity
                WHERE municipality_code = :m AND stat_year BETWEEN :first AND :last GROUP BY stat_year, focus_area""")
                .param("m", municipalityCode).param("first", first).param("last", last)
                .query((rs, n) -> {
                    cells.computeIfAbsent(rs.getInt(1) + "|" + rs.getString(2), k -> new int[4])[3] = rs.getInt(3);
                    return null;
                }).list();
        List<BalanceRow> rows = new ArrayList<>();
        for (String area : areas) {
            for (int y = first; y <= last; y++) {
                int[] c = cells.getOrDefault(y + "|" + area, new int[4]);
                rows.add(new BalanceRow(y, area, shown(c[0]), shown(c[1]), shown(c[2]), c[3]));
            }
        }
        return rows;
    }

    /** A count as published: withheld (null) from 1 to 4. */
    static Integer shown(int count) {
        return count > 0 && count < OutcomeSummary.MIN_GROUP ? null : count;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The outcome is that of the instrument with the most answer pairs. Its improved count and share
     * are withheld ({@code suppressed}) when the pairs are under {@link OutcomeSummary#MIN_GROUP}, when
     * none or all of 5 to 9 pairs improved ({@link OutcomeSummary#extreme}), or when any activity
     * counted in it withholds its own: 1 to 4 pairs on the instrument, or none or all of 5 to 9
     * improved (ADR 0015, "Preventive pairs"): a shown count is then the sum of counts every activity
     * shows. The pairs are always given; each activity shows its own.
     */
    @Override
    public KindEvidence evidence(String kindCode) {
        int activities = jdbc.sql("SELECT COALESCE(SUM(activities), 0) FROM prv_fact_activity WHERE activity_kind = :k")
                .param("k", kindCode).query(Integer.class).single();
        int[] reach = jdbc.sql("""
                SELECT COALESCE(SUM(participants), 0), COALESCE(SUM(contacts), 0) FROM prv_fact_reach WHERE activity_kind = :k""")
                .param("k", kindCode).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        // per instrument: the pairs and improved of every activity of the kind, and how many of those
        // activities withhold their own result (1 to 4 pairs on the instrument) or share (none or all of
        // 5 to 9 pairs improved); read from prv_answer per activity because the published view
        // prv_fact_outcome has no activity
        OutcomeSummary outcome = jdbc.sql("""
                SELECT g.instrument_code, SUM(g.respondents), SUM(g.improved),
                       SUM(CASE WHEN g.respondents < :min
                                  OR (g.respondents < 2 * :min AND (g.improved = 0 OR g.improved = g.respondents))
                                THEN 1 ELSE 0 END)
                FROM (SELECT s.activity_id, s.instrument_code, COUNT(*) AS respondents,
                             SUM(CASE WHEN (s.after_score - s.before_score) * (CASE WHEN i.higher_is_better THEN 1 ELSE -1 END)
                                           >= i.minimal_difference THEN 1 ELSE 0 END) AS improved
                      FROM prv_answer s
                      JOIN prv_activity a ON a.id = s.activity_id
                      JOIN prv_instrument i ON i.code = s.instrument_code
                      WHERE a.kind_code = :k
                      GROUP BY s.activity_id, s.instrument_code) g
                GROUP BY g.instrument_code ORDER BY SUM(g.respondents) DESC, g.instrument_code""")
                .param("k", kindCode).param("min", OutcomeSummary.MIN_GROUP).query((rs, n) -> {
                    int respondents = rs.getInt(2);
                    int improved = rs.getInt(3);
                    boolean suppressed = respondents < OutcomeSummary.MIN_GROUP || rs.getInt(4) > 0
                            || OutcomeSummary.extreme(respondents, improved);
                    return new OutcomeSummary(rs.getString(1), respondents, suppressed ? null : improved,
                            suppressed ? null : 100.0 * improved / respondents, null, null, suppressed);
                }).list().stream().findFirst().orElse(null);
        return new KindEvidence(kindCode, activities, reach[0], reach[1], outcome);
    }
}
