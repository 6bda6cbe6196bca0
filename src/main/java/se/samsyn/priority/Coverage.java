package se.samsyn.priority;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which pairs of a published list a municipality's budget covers. Statutory pairs are always
 * covered first and never cut, even when they alone exceed the budget. Then whole rank levels are
 * covered in order from 1; the first level that does not fit stops the coverage, so a cheaper pair
 * of lower priority is never funded before a dearer one of higher priority. FoU and icke-göra are
 * never funded by a scenario.
 */
public final class Coverage {

    private Coverage() {
    }

    /** One pair's input: its recommendation, whether it is statutory, its cost per client and year, and clients. */
    public record Line(long pairId, Recommendation recommendation, boolean statutory, long costPerClient, int clients) {

        public Line {
            if (costPerClient < 0 || clients < 0) {
                throw new IllegalArgumentException("Cost and clients cannot be negative");
            }
        }

        public long total() {
            return Math.multiplyExact(costPerClient, (long) clients);
        }
    }

    public enum Reason {
        STATUTORY, COVERED, OVER_BUDGET, NOT_FUNDED;

        /** The lower-case code in the API: the name with hyphens, for example {@code not-funded}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Reads a code, or the constant's name as stored before codes were used. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Reason ofJson(String code) {
            for (Reason v : values()) {
                if (v.code().equals(code) || v.name().equals(code)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown code " + code);
        }
    }

    public record LineResult(Line line, boolean covered, Reason reason) {
    }

    /** What a band needs in total and what of it the budget covers. */
    public record BandCost(Recommendation.Band band, long needed, long covered) {
    }

    /**
     * @param coveredThroughRank the highest rank such that every rank up to it is covered; 0 when not even rank 1 is
     * @param shortfall          what the first uncovered rank would need beyond what is left, 0 when everything is covered
     */
    public record Result(long budget, long statutoryCost, boolean statutoryExceedsBudget, int coveredThroughRank,
                         long coveredCost, long remaining, long shortfall, List<LineResult> lines, List<BandCost> bands) {
    }

    public static Result calculate(long budget, List<Line> lines) {
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
        return new Result(budget, statutory, statutory > budget, through, covered, budget - covered, shortfall,
                results, bandCosts);
    }
}
