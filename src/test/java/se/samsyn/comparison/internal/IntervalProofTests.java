package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The proof by solutions against the attacker's exact intervals, on tables small enough to check by hand. */
class IntervalProofTests {

    @Test
    void twoHiddenCellsOfAPublishedSumOfFiveAreProvenWithoutBoundingEither() {
        // T = K + M, T = 5 published, K = 2 and M = 3 hidden: each lies in [0, 5]
        JointAttack attack = new JointAttack().published("T", 5).hidden("K", 0).hidden("M", 0)
                .sum("T", List.of("K", "M"));
        IntervalProof.Outcome outcome = new IntervalProof(attack, Map.of("T", 5, "K", 2, "M", 3), List.of("K", "M"), 5)
                .run(2);
        assertThat(outcome.bounded()).isEmpty();
        assertThat(outcome.provenByBatches() + outcome.provenAlone()).isEqualTo(2);
        assertThat(attack.boundsOverHidden("K")).containsExactly(0, 5);
    }

    @Test
    void cellsTheAttackerPinsToOneOrTwoAreBoundedExactly() {
        // T = 3 published, K = 1 and M = 2 hidden, neither empty: K and M each lie in [1, 2]
        JointAttack attack = new JointAttack().published("T", 3).hidden("K", 1).hidden("M", 1)
                .sum("T", List.of("K", "M"));
        IntervalProof.Outcome outcome = new IntervalProof(attack, Map.of("T", 3, "K", 1, "M", 2), List.of("K", "M"), 5)
                .run(2);
        assertThat(outcome.provenByBatches() + outcome.provenAlone()).isZero();
        assertThat(outcome.bounded()).containsOnlyKeys("K", "M");
        assertThat(outcome.bounded().get("K")).containsExactly(1, 2);
        assertThat(outcome.bounded().get("M")).containsExactly(1, 2);
    }

    @Test
    void cellsThatRiseOnlyAsAnotherFallsAreProvenFromTheSolutionsOfTheBatch() {
        // R = A + B = 9 published, A = 4 and B = 5 hidden, A ≤ 9: the maximum of A + B leaves one of them where it is
        JointAttack attack = new JointAttack().published("R", 9).hidden("A", 1).hidden("B", 1)
                .sum("R", List.of("A", "B"));
        IntervalProof.Outcome outcome = new IntervalProof(attack, Map.of("R", 9, "A", 4, "B", 5), List.of("A", "B"), 5)
                .run(2);
        assertThat(outcome.bounded()).isEmpty();
        assertThat(attack.boundsOverHidden("A")).containsExactly(1, 8);
    }

    /**
     * Random regions of three municipalities, each with T = K + M, the region's cells the sums of
     * its municipalities', some cells hidden: every cell the proof calls protected is protected by
     * its exact interval, and every cell it bounds has exactly the attacker's interval.
     */
    @Test
    void agreesWithTheExactIntervalsOnRandomTables() {
        Random random = new Random(7);
        int proven = 0;
        int bounded = 0;
        for (int round = 0; round < 40; round++) {
            Map<String, Integer> truth = new LinkedHashMap<>();
            for (int m = 0; m < 3; m++) {
                int k = random.nextInt(9);
                int n = random.nextInt(9);
                truth.put("m" + m + "K", k);
                truth.put("m" + m + "M", n);
                truth.put("m" + m + "T", k + n);
            }
            for (String sex : List.of("K", "M", "T")) {
                truth.put("r" + sex, truth.get("m0" + sex) + truth.get("m1" + sex) + truth.get("m2" + sex));
            }
            JointAttack attack = new JointAttack();
            List<String> hidden = new ArrayList<>();
            truth.forEach((cell, n) -> {
                if (n > 0 && (n < 5 || random.nextInt(4) == 0)) {
                    attack.hidden(cell, 1);
                    hidden.add(cell);
                } else {
                    attack.published(cell, n);
                }
            });
            for (String area : List.of("m0", "m1", "m2", "r")) {
                attack.sum(area + "T", List.of(area + "K", area + "M"));
            }
            for (String sex : List.of("K", "M", "T")) {
                attack.sum("r" + sex, List.of("m0" + sex, "m1" + sex, "m2" + sex));
            }
            IntervalProof.Outcome outcome = new IntervalProof(attack, truth, hidden, 5).run(2);
            for (String cell : hidden) {
                double[] exact = attack.boundsOverHidden(cell);
                if (outcome.bounded().containsKey(cell)) {
                    assertThat(outcome.bounded().get(cell)).as(round + " " + cell).containsExactly(exact);
                    bounded++;
                } else {
                    assertThat(JointAttack.protects(exact, 5)).as(round + " " + cell + " proven").isTrue();
                    proven++;
                }
            }
        }
        // both kinds occur, so neither branch goes untested
        assertThat(proven).isPositive();
        assertThat(bounded).isPositive();
    }
}
