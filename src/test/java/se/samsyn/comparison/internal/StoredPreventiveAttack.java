package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.comparison.ResultRow;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.OutcomeSummary;
import se.samsyn.prevention.PreventiveActivities;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * {@link ActivityPagesAttack} on a database: the pages as prevention shows them to a national
 * analyst (who sees every activity, {@link PreventiveActivities#outcome}), the stored cells of an
 * anonymous improved share as every reader sees them (shown or ".."), and the areas' members.
 */
final class StoredPreventiveAttack {

    /** The hidden cells attacked and what the attack narrows (empty when nothing). */
    record Result(int hiddenCells, int withheldActivities, List<String> exposures) {
    }

    private StoredPreventiveAttack() {
    }

    /**
     * @param instrument the indicator's questionnaire
     * @param kind       the indicator's activity kind, or null for every kind
     */
    static Result attack(JdbcClient jdbc, PreventiveActivities activities, ComparisonRepository repository, String indicatorId,
                         String instrument, String kind) {
        Actor national = new Actor("analytiker", Role.NATIONAL_ANALYST, Scope.nation());
        ActivityPagesAttack attack = new ActivityPagesAttack();
        Map<Long, Integer> years = new HashMap<>();
        Map<Long, Integer> pairs = new HashMap<>();
        jdbc.sql("""
                SELECT activity_id, COUNT(*), COUNT(DISTINCT CAST(EXTRACT(YEAR FROM answered_month) AS INTEGER))
                FROM prv_answer WHERE instrument_code = :instrument GROUP BY activity_id""")
                .param("instrument", instrument).query(rs -> {
                    pairs.put(rs.getLong(1), rs.getInt(2));
                    years.put(rs.getLong(1), rs.getInt(3));
                });
        Set<String> withheld = new LinkedHashSet<>();
        for (Activity a : activities.activities(national)) {
            if (!pairs.containsKey(a.id()) || (kind != null && !kind.equals(a.kindCode()))) {
                continue;
            }
            if (!instrument.equals(a.instrumentCode())) {
                throw new IllegalStateException("activity " + a.id() + " has answers on " + instrument + " but its page shows another");
            }
            OutcomeSummary page = activities.outcome(national, a.id());
            attack.page(String.valueOf(a.id()), a.municipalityCode(), page.respondents(), page.improved());
            if (page.improved() == null || years.get(a.id()) > 1) {
                withheld.add(String.valueOf(a.id()));
            }
        }
        Map<String, List<String>> members = new HashMap<>();
        jdbc.sql("SELECT area_code, municipality_code FROM cmp_area_member WHERE area_kind <> 'municipality'")
                .query(rs -> {
                    members.computeIfAbsent(rs.getString(1), x -> new ArrayList<>()).add(rs.getString(2));
                });
        List<ResultRow> rows = repository.results(indicatorId).stream().filter(r -> "T".equals(r.gender()) && r.n() != null && r.n() > 0).toList();
        rows.stream().filter(r -> "municipality".equals(r.areaKind())).forEach(r -> attack.cell(r.areaCode(), r.year()));
        List<ActivityPagesAttack.Hidden> hidden = new ArrayList<>();
        for (ResultRow r : rows) {
            List<String> in = "municipality".equals(r.areaKind()) ? List.of(r.areaCode()) : members.get(r.areaCode());
            ResultRow shown = r.published();
            if (shown.n() == null) {
                hidden.add(new ActivityPagesAttack.Hidden(r.areaCode(), in, r.year()));
            } else {
                attack.shown(r.areaCode(), in, r.year(), shown.n(), (int) Math.round(shown.numerator()));
            }
        }
        return new Result(hidden.size(), withheld.size(), attack.exposures(hidden, withheld));
    }
}
