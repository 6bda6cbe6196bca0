package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.MeasureUnit;
import se.samsyn.comparison.ResultRow;

/**
 * Marks one indicator's stored results: primary and secondary suppression of small bases
 * ({@link Suppression}, threshold {@code samsyn.suppression-threshold}, default 5) and the
 * relative colours of the municipalities ({@link Colouring}, shares
 * {@code samsyn.comparison.green-percent} and {@code red-percent}, default 25 each).
 */
@Component
class ResultMarking {

    private final JdbcClient jdbc;
    private final ComparisonRepository repository;
    private final int threshold;
    private final double greenPercent;
    private final double redPercent;

    ResultMarking(JdbcClient jdbc, ComparisonRepository repository,
                  @Value("${samsyn.suppression-threshold:5}") int threshold,
                  @Value("${samsyn.comparison.green-percent:25}") double greenPercent,
                  @Value("${samsyn.comparison.red-percent:25}") double redPercent) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.threshold = threshold;
        this.greenPercent = greenPercent;
        this.redPercent = redPercent;
    }

    double greenPercent() {
        return greenPercent;
    }

    double redPercent() {
        return redPercent;
    }

    /**
     * Applies primary and secondary suppression per year, over all areas and genders; a share
     * (unit percent) of 0 % or 100 % on a base under twice the threshold is a primary cell too
     * ({@link ExtremeShares}, ADR 15).
     */
    void suppress(Indicator indicator) {
        Map<Integer, List<ResultRow>> byYear = new LinkedHashMap<>();
        for (ResultRow row : repository.results(indicator.id())) {
            byYear.computeIfAbsent(row.year(), y -> new ArrayList<>()).add(row);
        }
        Map<String, List<String>> members = membership();
        byYear.forEach((year, rows) -> {
            Map<Suppression.Cell, Integer> bases = new HashMap<>();
            Set<Suppression.Cell> extremes = new java.util.HashSet<>();
            for (ResultRow row : rows) {
                Suppression.Cell cell = new Suppression.Cell(row.areaCode(), row.gender());
                bases.put(cell, row.n() == null ? 0 : row.n());
                if (indicator.unit() == MeasureUnit.PERCENT
                        && ExtremeShares.withheld(row.numerator(), row.denominator(), threshold)) {
                    extremes.add(cell);
                }
            }
            Set<Suppression.Cell> hidden = Suppression.suppress(bases, relations(rows, members), threshold, extremes);
            repository.updateCells("status", indicator.id(), hidden.stream()
                    .map(c -> new ComparisonRepository.CellUpdate(year, c.area(), c.gender(), ResultRow.SUPPRESSED)).toList());
        });
    }

    /** The additive relations between the cells: T = K + M per area, and each higher area = its members. */
    static List<Suppression.Relation> relations(List<ResultRow> rows, Map<String, List<String>> members) {
        List<Suppression.Relation> relations = new ArrayList<>();
        Set<String> areas = new TreeSet<>();
        rows.forEach(r -> areas.add(r.areaCode()));
        for (String area : areas) {
            relations.add(new Suppression.Relation(new Suppression.Cell(area, "T"),
                    List.of(new Suppression.Cell(area, "K"), new Suppression.Cell(area, "M"))));
        }
        members.forEach((area, municipalities) -> {
            if (areas.contains(area)) {
                for (String gender : List.of("T", "K", "M")) {
                    relations.add(new Suppression.Relation(new Suppression.Cell(area, gender),
                            municipalities.stream().map(m -> new Suppression.Cell(m, gender)).toList()));
                }
            }
        });
        return relations;
    }

    private Map<String, List<String>> membership() {
        Map<String, List<String>> members = new HashMap<>();
        jdbc.sql("SELECT area_code, municipality_code FROM cmp_area_member WHERE area_kind <> 'municipality' ORDER BY area_code, municipality_code")
                .query(rs -> {
                    members.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(rs.getString(2));
                });
        return members;
    }

    /** Colours the municipalities per year and gender, relative to each other. */
    void colour(Indicator indicator) {
        jdbc.sql("UPDATE cmp_result SET colour = NULL WHERE indicator_id = :id").param("id", indicator.id()).update();
        if (indicator.direction() == Direction.NEUTRAL) {
            return;
        }
        Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
        for (ResultRow row : repository.results(indicator.id())) {
            if ("municipality".equals(row.areaKind())) {
                cells.computeIfAbsent(row.year() + "|" + row.gender(), k -> new HashMap<>())
                        .put(row.areaCode(), row.shown() ? row.value() : null);
            }
        }
        List<ComparisonRepository.CellUpdate> updates = new ArrayList<>();
        cells.forEach((key, values) -> {
            String[] parts = key.split("\\|");
            Colouring.colour(values, indicator.direction(), greenPercent, redPercent).forEach((area, colour) ->
                    updates.add(new ComparisonRepository.CellUpdate(Integer.parseInt(parts[0]), area, parts[1], colour)));
        });
        repository.updateCells("colour", indicator.id(), updates);
    }
}
