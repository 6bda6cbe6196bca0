package se.samsyn.priority;

import java.util.List;

/**
 * What a municipality's budget covers of a published list, as calculated for a resource scenario
 * (rule in ADR 0007: statutory pairs first and never cut, then whole rank levels from 1 until the
 * first that does not fit; FoU and icke-göra never funded). Amounts are kronor per year.
 *
 * @param budget                 the budget
 * @param statutoryCost          what the statutory pairs cost together
 * @param statutoryExceedsBudget whether the statutory pairs alone cost more than the budget
 * @param coveredThroughRank     the highest rank such that every rank up to it is covered; 0 when not even rank 1 is
 * @param coveredCost            what the covered pairs cost together
 * @param remaining              the budget less the covered cost (negative when the statutory pairs exceed it)
 * @param shortfall              what the first uncovered rank would need beyond what is left, 0 when everything is covered
 * @param lines                  each pair's input and whether it is covered, in the order given
 * @param bands                  per band of the list, what it needs and what of it is covered
 */
public record Coverage(long budget, long statutoryCost, boolean statutoryExceedsBudget, int coveredThroughRank,
                       long coveredCost, long remaining, long shortfall, List<LineResult> lines, List<BandCost> bands) {

    /**
     * One pair's input: its recommendation, whether it is statutory, its cost per client and year,
     * and clients; negative cost or clients are refused with {@link IllegalArgumentException}.
     */
    public record Line(long pairId, Recommendation recommendation, boolean statutory, long costPerClient, int clients) {

        /** Refuses negative cost or clients. */
        public Line {
            if (costPerClient < 0 || clients < 0) {
                throw new IllegalArgumentException("Cost and clients cannot be negative");
            }
        }

        /** Cost per client times clients, in kronor per year; {@link ArithmeticException} on overflow. */
        public long total() {
            return Math.multiplyExact(costPerClient, (long) clients);
        }
    }

    /** Why a line is covered or not. */
    public enum Reason {
        STATUTORY, COVERED, OVER_BUDGET, NOT_FUNDED;

        /** The lower-case code in the API: the name with hyphens, for example {@code not-funded}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return se.samsyn.shared.Codes.of(this);
        }

        /** Reads a code, or the constant's name as stored before codes were used. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Reason ofJson(String code) {
            return se.samsyn.shared.Codes.parse(values(), Reason::code, code);
        }
    }

    /** One line with whether the budget covers it, and why. */
    public record LineResult(Line line, boolean covered, Reason reason) {
    }

    /** What a band needs in total and what of it the budget covers. */
    public record BandCost(Recommendation.Band band, long needed, long covered) {
    }
}
