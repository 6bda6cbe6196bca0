package se.samsyn.priority.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import se.samsyn.priority.Coverage;
import se.samsyn.priority.Coverage.BandCost;
import se.samsyn.priority.Coverage.Line;
import se.samsyn.priority.Coverage.LineResult;
import se.samsyn.priority.Coverage.Reason;
import se.samsyn.priority.Recommendation;

/**
 * Which pairs of a published list a municipality's budget covers. Statutory pairs are always
 * covered first and never cut, even when they alone exceed the budget. Then whole rank levels are
 * covered in order from 1; the first level that does not fit stops the coverage, so a cheaper pair
 * of lower priority is never funded before a dearer one of higher priority. FoU and icke-göra are
 * never funded by a scenario.
 */
final class BudgetCoverage {

    private BudgetCoverage() {
    }

    /**
     * The coverage of a budget (kronor per year, not negative) over the lines of a list.
     *
     * @throws IllegalArgumentException a negative budget
     */
    static Coverage calculate(long budget, List<Line> lines) {
        if (budget < 0) {
            throw new IllegalArgumentException("The budget cannot be negative");
        }
        long statutory = lines.stream().filter(Line::statutory).mapToLong(Line::total).sum();
        long remaining = budget - statutory;
        long[] perRank = new long[Recommendation.WORST + 1];
        for (Line line : lines) {
            if (!line.statutory() && line.recommendation().kind() == Recommendation.Kind.RANK) {
                perRank[line.recommendation().rank()] += line.total();
            }
        }
        int through = 0;
        long shortfall = 0;
        for (int rank = Recommendation.BEST; rank <= Recommendation.WORST; rank++) {
            if (perRank[rank] <= remaining) {
                remaining -= perRank[rank];
                through = rank;
            } else {
                shortfall = perRank[rank] - remaining;
                break;
            }
        }
        List<LineResult> results = new ArrayList<>();
        Map<Recommendation.Band, long[]> bands = new EnumMap<>(Recommendation.Band.class);
        for (Recommendation.Band band : Recommendation.Band.values()) {
            bands.put(band, new long[2]);
        }
        long covered = 0;
        for (Line line : lines) {
            LineResult result;
            if (line.statutory()) {
                result = new LineResult(line, true, Reason.STATUTORY);
            } else if (line.recommendation().kind() != Recommendation.Kind.RANK) {
                result = new LineResult(line, false, Reason.NOT_FUNDED);
            } else if (line.recommendation().rank() <= through) {
                result = new LineResult(line, true, Reason.COVERED);
            } else {
                result = new LineResult(line, false, Reason.OVER_BUDGET);
            }
            results.add(result);
            long[] band = bands.get(line.recommendation().band());
            band[0] += line.total();
            if (result.covered()) {
                band[1] += line.total();
                covered += line.total();
            }
        }
        List<BandCost> bandCosts = new ArrayList<>();
        bands.forEach((band, sums) -> bandCosts.add(new BandCost(band, sums[0], sums[1])));
        return new Coverage(budget, statutory, statutory > budget, through, covered, budget - covered, shortfall,
                results, bandCosts);
    }
}
