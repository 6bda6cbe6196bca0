package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResultMarking.class);

    private final JdbcClient jdbc;
    private final ComparisonRepository repository;
    private final int threshold;
    private final double greenPercent;
    private final double redPercent;
    private final SameYearReports sameYear;
    private final PreventiveResults preventive;

    ResultMarking(JdbcClient jdbc, ComparisonRepository repository, SameYearReports sameYear, PreventiveResults preventive,
                  @Value("${samsyn.suppression-threshold:5}") int threshold,
                  @Value("${samsyn.comparison.green-percent:25}") double greenPercent,
                  @Value("${samsyn.comparison.red-percent:25}") double redPercent) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.threshold = threshold;
        this.greenPercent = greenPercent;
        this.redPercent = redPercent;
        this.sameYear = sameYear;
        this.preventive = preventive;
    }

    double greenPercent() {
        return greenPercent;
    }

    double redPercent() {
        return redPercent;
    }

    /**
     * Marks the stored cells of the given years (all years when {@code years} is null) from the
     * stored cells alone: for follow-up indicators primary and secondary suppression over every
     * area and gender of a year (a cell becomes {@code suppressed} or {@code ok}; cells of other
     * statuses are left as they are), then the relative colours of the municipalities per year
     * and gender (every other cell has none). Only cells whose status or colour changes are
     * written, with the given revision.
     *
     * @return how many cells were written
     */
    int mark(Indicator indicator, Set<Integer> years, long revision) {
        Map<Integer, List<ResultRow>> byYear = new LinkedHashMap<>();
        for (ResultRow row : years == null ? repository.results(indicator.id()) : repository.results(indicator.id(), years)) {
            byYear.computeIfAbsent(row.year(), y -> new ArrayList<>()).add(row);
        }
        Map<String, List<String>> members = indicator.computed() ? membership() : Map.of();
        List<ComparisonRepository.CellUpdate> statuses = new ArrayList<>();
        List<ComparisonRepository.CellUpdate> reasons = new ArrayList<>();
        List<ComparisonRepository.CellUpdate> colours = new ArrayList<>();
        byYear.forEach((year, rows) -> {
            List<ResultRow> marked = indicator.computed() ? suppressed(indicator, year, rows, members, statuses, reasons)
                    : rows;
            colours.addAll(colourChanges(indicator, year, marked));
        });
        repository.updateCells("status", indicator.id(), statuses, revision);
        repository.updateCells("suppression", indicator.id(), reasons, revision);
        repository.updateCells("colour", indicator.id(), colours, revision);
        return statuses.size() + reasons.size() + colours.size();
    }

    /**
     * The year's rows with their new status and suppression reason; the cells whose status changes
     * are added to {@code changes}, those whose reason changes to {@code reasons}. A share (unit
     * percent) of 0 % or 100 % on a base under twice the threshold is a primary cell too
     * ({@link ExtremeShares}, ADR 15), and so is a preventive cell an activity's own published
     * result could be set against ({@link PreventiveResults#withheld}), and every area above such a
     * cell is hidden as secondary ({@link PreventiveResults#above}). A hidden cell is primary when it is one of the cells
     * {@link Suppression} starts from (a base of 1 to threshold − 1, or such a share), secondary
     * when the protection added it. For an improved share or median change of an instrument, the
     * same year's outcome report is read for every municipality, region and the nation
     * ({@link SameYearReports}): a cell the report hides is hidden (secondary, unless primary), and
     * a cell it shows with the same n is never chosen as a secondary cell (the attacker reads it
     * there), so the two publications hide the same counts of the same clients. A cell whose share
     * is extreme but whose n the report shows is protected as a published count (only its value is
     * hidden, and protected as a hidden cell in a second pass), and a cell the report shows with a
     * smaller n (the report counts only the clients with an intervention) is at least that n to the
     * attacker ({@link Suppression#suppress(Map, java.util.Collection, int, Set, Set, Map)}).
     */
    private List<ResultRow> suppressed(Indicator indicator, int year, List<ResultRow> rows, Map<String, List<String>> members,
                                       List<ComparisonRepository.CellUpdate> changes,
                                       List<ComparisonRepository.CellUpdate> reasons) {
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
        // ADR 0015, "Preventive pairs": a municipality's cell where an activity withholds its own
        // result or spans years is primary, as a small cell (no outcome report of the year joins it)
        Set<String> withheld = preventive.withheld(indicator, year);
        withheld.forEach(m -> extremes.add(new Suppression.Cell(m, "T")));
        // ... and every area above such a cell is hidden, so that no shown cell can be set against the
        // activity pages; the protection starts from them too (secondary), so it hides no other cell for them
        Set<Suppression.Cell> above = PreventiveResults.above(withheld, members);
        Set<Suppression.Cell> start = new java.util.HashSet<>(extremes);
        start.addAll(above);
        // ADR 0015, the whole report against the indicators: with the same year's whole report where
        // one is stored, its one row otherwise (no report stored yet: nothing of it is published)
        Optional<ReportTable> report = sameYear.table(indicator, year);
        Set<Suppression.Cell> hidden = report.isPresent()
                ? hidden(bases, relations(rows, members), threshold, start, report.get())
                : hidden(bases, relations(rows, members), threshold, start, sameYear.published(indicator, year, rows));
        hidden.addAll(above);
        // the primary cells, as Suppression.suppress starts from them
        Set<Suppression.Cell> primary = new java.util.HashSet<>();
        bases.forEach((cell, n) -> {
            if (n > 0 && (n < threshold || extremes.contains(cell))) {
                primary.add(cell);
            }
        });
        List<ResultRow> marked = new ArrayList<>(rows.size());
        for (ResultRow row : rows) {
            String status = row.status();
            String reason = row.suppression();
            if (ResultRow.OK.equals(status) || ResultRow.SUPPRESSED.equals(status)) {
                Suppression.Cell cell = new Suppression.Cell(row.areaCode(), row.gender());
                status = hidden.contains(cell) ? ResultRow.SUPPRESSED : ResultRow.OK;
                reason = !hidden.contains(cell) ? null : primary.contains(cell) ? ResultRow.PRIMARY : ResultRow.SECONDARY;
                if (!status.equals(row.status())) {
                    changes.add(new ComparisonRepository.CellUpdate(year, row.areaCode(), row.gender(), status));
                }
                if (!java.util.Objects.equals(reason, row.suppression())) {
                    reasons.add(new ComparisonRepository.CellUpdate(year, row.areaCode(), row.gender(), reason));
                }
            }
            marked.add(new ResultRow(row.indicatorId(), row.areaCode(), row.areaKind(), row.year(), row.gender(),
                    row.numerator(), row.denominator(), row.value(), row.n(), status, row.colour(), reason));
        }
        return marked;
    }

    /**
     * The cells of one indicator and year to hide, with the same year's outcome report (ADR 0015,
     * one year's report and indicators).
     *
     * @param bases     the n of every cell of the year
     * @param relations the additive relations between them ({@link #relations})
     * @param threshold the suppression threshold
     * @param extremes  the cells whose share is 0 % or 100 % on a small base ({@link ExtremeShares})
     * @param report    the report's n of the cells it has ({@link SameYearReports#published}): null where it
     *                  hides the cell; never more than the cell's n (the report's clients are among the indicator's)
     * @return the hidden cells
     */
    static Set<Suppression.Cell> hidden(Map<Suppression.Cell, Integer> bases, List<Suppression.Relation> relations,
                                        int threshold, Set<Suppression.Cell> extremes,
                                        Map<Suppression.Cell, Integer> report) {
        // ADR 0015, one year's report and indicators: a cell the same year's outcome report hides is
        // hidden here too, one it shows with the same n is never hidden to protect another, and one
        // it shows with a smaller n (its clients without an intervention are not in the report) has
        // that n as a published lower bound
        Set<Suppression.Cell> reportHides = new java.util.HashSet<>();
        Set<Suppression.Cell> reportShows = new java.util.HashSet<>();
        Map<Suppression.Cell, Integer> lowerBounds = new HashMap<>();
        report.forEach((cell, n) -> {
            int base = bases.getOrDefault(cell, 0);
            if (base > 0 && n == null) {
                reportHides.add(cell);
            } else if (base > 0 && n == base) {
                // the nation's too: its report hides an item wherever a region hides it
                // (NationalProtection), so a cell it shows is the sum of cells shown in every region
                reportShows.add(cell);
            } else if (base > 0 && n > 0 && n < base) {
                lowerBounds.put(cell, n);
            }
        });
        // an extreme share whose n the report shows: its n is public, only its value is hidden, so
        // the counts are protected with that n published ...
        Set<Suppression.Cell> extremeShown = new java.util.HashSet<>(extremes);
        extremeShown.retainAll(reportShows);
        Set<Suppression.Cell> withheld = new java.util.HashSet<>(extremes);
        withheld.removeAll(extremeShown);
        withheld.addAll(reportHides);
        Set<Suppression.Cell> hidden = new java.util.HashSet<>(Suppression.suppress(bases, relations,
                threshold, withheld, reportShows, lowerBounds));
        if (!extremeShown.isEmpty()) {
            // ... and its value (its numerator) as before, as a hidden cell of the same relations;
            // hiding more cells only widens what the attacker can derive of the counts
            Set<Suppression.Cell> values = new java.util.HashSet<>(withheld);
            values.addAll(extremeShown);
            hidden.addAll(Suppression.suppress(bases, relations, threshold, values, reportShows));
            hidden.addAll(extremeShown);
        }
        return hidden;
    }

    /**
     * As {@link #hidden(Map, List, int, Set, Map)}, with the whole report: the cells hidden there,
     * and then every hidden count of both publications, the report's other rows and units
     * included, protected in one system (ADR 0015, one year's report and indicators): an indicator
     * cell and the report's cell of the same area and sex are tied (equal where the counts are,
     * report ≤ indicator where the report counts fewer), a cell hidden in both is one unknown, and
     * the report's intervention rows and units bound them through the report's relations. Only
     * indicator cells are added (the report is published as it is). An extreme share whose n the
     * report shows stays hidden for its value, as before, but counts as published in this system.
     *
     * @param report the same year's report with all its rows and true counts
     * @return the hidden cells of the indicator
     */
    static Set<Suppression.Cell> hidden(Map<Suppression.Cell, Integer> bases, List<Suppression.Relation> relations,
                                        int threshold, Set<Suppression.Cell> extremes, ReportTable report) {
        Set<Suppression.Cell> hidden = hidden(bases, relations, threshold, extremes, report.published(bases));
        Set<Suppression.Cell> shown = new java.util.HashSet<>();
        report.counts().forEach((cell, n) -> {
            if (!report.hidden().contains(cell) && n > 0 && n.equals(bases.get(cell))) {
                shown.add(cell);
            }
        });
        Set<Suppression.Cell> counts = new java.util.LinkedHashSet<>(hidden);
        counts.removeAll(shown);
        long started = System.nanoTime();
        Set<Suppression.Cell> joint = DisclosureBounds.protect(bases, counts, relations, report, threshold, shown);
        LOG.debug("Joint system with the whole report: {} indicator cells, {} report cells ({} hidden), {} ms",
                bases.size(), report.counts().size(), report.hidden().size(), (System.nanoTime() - started) / 1_000_000);
        joint.addAll(hidden);
        return joint;
    }

    /** The cells of one year whose colour changes: municipalities coloured per gender, every other cell none. */
    private List<ComparisonRepository.CellUpdate> colourChanges(Indicator indicator, int year, List<ResultRow> rows) {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        if (indicator.direction() != Direction.NEUTRAL) {
            for (ResultRow row : rows) {
                if ("municipality".equals(row.areaKind())) {
                    values.computeIfAbsent(row.gender(), k -> new HashMap<>()).put(row.areaCode(), row.shown() ? row.value() : null);
                }
            }
        }
        Map<String, Map<String, String>> colours = new HashMap<>();
        values.forEach((gender, byArea) ->
                colours.put(gender, Colouring.colour(byArea, indicator.direction(), greenPercent, redPercent)));
        List<ComparisonRepository.CellUpdate> changes = new ArrayList<>();
        for (ResultRow row : rows) {
            String colour = "municipality".equals(row.areaKind())
                    ? colours.getOrDefault(row.gender(), Map.of()).get(row.areaCode()) : null;
            if (!java.util.Objects.equals(colour, row.colour())) {
                changes.add(new ComparisonRepository.CellUpdate(year, row.areaCode(), row.gender(), colour));
            }
        }
        return changes;
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

}
