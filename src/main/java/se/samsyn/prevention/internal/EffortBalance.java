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

    @Override
    public KindEvidence evidence(String kindCode) {
        int activities = jdbc.sql("SELECT COALESCE(SUM(activities), 0) FROM prv_fact_activity WHERE activity_kind = :k")
                .param("k", kindCode).query(Integer.class).single();
        int[] reach = jdbc.sql("""
                SELECT COALESCE(SUM(participants), 0), COALESCE(SUM(contacts), 0) FROM prv_fact_reach WHERE activity_kind = :k""")
                .param("k", kindCode).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        OutcomeSummary outcome = jdbc.sql("""
                SELECT instrument_code, SUM(respondents), SUM(improved) FROM prv_fact_outcome WHERE activity_kind = :k
                GROUP BY instrument_code ORDER BY SUM(respondents) DESC, instrument_code""")
                .param("k", kindCode).query((rs, n) -> {
                    int respondents = rs.getInt(2);
                    int improved = rs.getInt(3);
                    boolean suppressed = respondents < OutcomeSummary.MIN_GROUP;
                    return new OutcomeSummary(rs.getString(1), respondents, suppressed ? null : improved,
                            suppressed ? null : 100.0 * improved / respondents, null, null, suppressed);
                }).list().stream().findFirst().orElse(null);
        return new KindEvidence(kindCode, activities, reach[0], reach[1], outcome);
    }
}
