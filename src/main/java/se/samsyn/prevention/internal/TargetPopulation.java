package se.samsyn.prevention.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.prevention.Activity;

/**
 * The denominator of reach: persons in an activity's target group, from organisation's published
 * population view {@code org_v_population} (municipality, year, sex K/M, age band; source SCB via
 * Kolada, see the reference data's provenance). The figures of the year asked for, else of the
 * nearest year with figures (the earlier one on a tie), as open comparisons do.
 */
@Component
class TargetPopulation {

    private final JdbcClient jdbc;

    TargetPopulation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figure: persons, and the year of the statistics. */
    record Figure(int persons, int year) {
    }

    /** The target group's size for the year, or empty when the activity has no bands or there are no figures. */
    Optional<Figure> of(Activity activity, int year) {
        if (activity.targetBands().isEmpty()) {
            return Optional.empty();
        }
        List<Integer> years = jdbc.sql("SELECT DISTINCT stat_year FROM org_v_population WHERE municipality_code = :m ORDER BY stat_year")
                .param("m", activity.municipalityCode()).query(Integer.class).list();
        if (years.isEmpty()) {
            return Optional.empty();
        }
        int nearest = years.get(0);
        for (int y : years) {
            if (Math.abs(y - year) < Math.abs(nearest - year)) {
                nearest = y;
            }
        }
        List<String> sexes = "T".equals(activity.targetSex()) ? List.of("K", "M") : List.of(activity.targetSex());
        Integer persons = jdbc.sql("""
                SELECT SUM(population) FROM org_v_population
                WHERE municipality_code = :m AND stat_year = :y AND sex IN (:sexes) AND age_band IN (:bands)""")
                .param("m", activity.municipalityCode()).param("y", nearest).param("sexes", sexes)
                .param("bands", activity.targetBands()).query(Integer.class).optional().orElse(null);
        return persons == null ? Optional.empty() : Optional.of(new Figure(persons, nearest));
    }
}
