package se.samsyn.priority.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samsyn.priority.Coverage;
import se.samsyn.priority.Recommendation;

class BudgetCoverageTests {

    static final List<Coverage.Line> LIST = List.of(
            new Coverage.Line(1, Recommendation.rank(1), false, 10_000, 10),   // 100 000
            new Coverage.Line(2, Recommendation.rank(3), false, 20_000, 5),    // 100 000
            new Coverage.Line(3, Recommendation.rank(3), false, 5_000, 10),    //  50 000
            new Coverage.Line(4, Recommendation.rank(5), false, 50_000, 4),    // 200 000
            new Coverage.Line(5, Recommendation.rank(9), false, 1_000, 10),    //  10 000
            new Coverage.Line(6, Recommendation.rank(10), true, 30_000, 10),   // 300 000, statutory
            new Coverage.Line(7, Recommendation.fou(), false, 1_000, 10),      //  10 000
            new Coverage.Line(8, Recommendation.ickeGora(), false, 1_000, 10)); // 10 000

    @Test
    void statutoryFirstThenWholeRanksInOrderAndTheFirstThatDoesNotFitStops() {
        Coverage r = BudgetCoverage.calculate(600_000, LIST);
        assertThat(r.statutoryCost()).isEqualTo(300_000);
        assertThat(r.statutoryExceedsBudget()).isFalse();
        // 300 000 left: rank 1 (100 000), rank 3 (150 000) fit; rank 5 needs 200 000 with 50 000 left
        assertThat(r.coveredThroughRank()).isEqualTo(4);
        assertThat(r.shortfall()).isEqualTo(150_000);
        assertThat(r.coveredCost()).isEqualTo(550_000);
        assertThat(r.remaining()).isEqualTo(50_000);
        assertThat(r.lines()).extracting(Coverage.LineResult::reason).containsExactly(
                Coverage.Reason.COVERED, Coverage.Reason.COVERED, Coverage.Reason.COVERED, Coverage.Reason.OVER_BUDGET,
                Coverage.Reason.OVER_BUDGET, Coverage.Reason.STATUTORY, Coverage.Reason.NOT_FUNDED,
                Coverage.Reason.NOT_FUNDED);
    }

    @Test
    void aCheaperPairOfLowerPriorityIsNeverFundedBeforeADearerOneOfHigherPriority() {
        Coverage r = BudgetCoverage.calculate(600_000, LIST);
        assertThat(r.lines().get(4).covered()).as("rank 9 costs only 10 000 but rank 5 did not fit").isFalse();
    }

    @Test
    void statutoryPairsAreCoveredEvenWhenTheyExceedTheBudget() {
        Coverage r = BudgetCoverage.calculate(100_000, LIST);
        assertThat(r.statutoryExceedsBudget()).isTrue();
        assertThat(r.lines().get(5).covered()).isTrue();
        assertThat(r.coveredThroughRank()).isZero();
        assertThat(r.coveredCost()).isEqualTo(300_000);
        assertThat(r.remaining()).isEqualTo(-200_000);
    }

    @Test
    void costPerBandCountsNeededAndCovered() {
        Coverage r = BudgetCoverage.calculate(600_000, LIST);
        assertThat(r.bands()).containsExactly(
                new Coverage.BandCost(Recommendation.Band.BOR, 250_000, 250_000),
                new Coverage.BandCost(Recommendation.Band.KAN, 200_000, 0),
                new Coverage.BandCost(Recommendation.Band.UNDANTAG, 310_000, 300_000),
                new Coverage.BandCost(Recommendation.Band.FOU, 10_000, 0),
                new Coverage.BandCost(Recommendation.Band.ICKE_GORA, 10_000, 0));
    }

    @Test
    void aBudgetForEverythingCoversEveryRank() {
        Coverage r = BudgetCoverage.calculate(10_000_000, LIST);
        assertThat(r.coveredThroughRank()).isEqualTo(10);
        assertThat(r.shortfall()).isZero();
        assertThat(r.coveredCost()).isEqualTo(760_000);
    }

    @Test
    void aLargerBudgetNeverCoversLess() {
        int previous = 0;
        for (long budget = 0; budget <= 1_000_000; budget += 10_000) {
            Coverage r = BudgetCoverage.calculate(budget, LIST);
            assertThat(r.coveredThroughRank()).isGreaterThanOrEqualTo(previous);
            assertThat(r.lines().get(5).covered()).isTrue();
            previous = r.coveredThroughRank();
        }
    }
}
