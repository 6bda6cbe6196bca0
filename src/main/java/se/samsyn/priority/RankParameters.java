package se.samsyn.priority;

import java.util.List;

/**
 * The rule's parameters, set per process and kept with every published version.
 *
 * @param benefitStart     the starting level for benefit mycket stor, stor, måttlig, liten
 * @param severityStart    the starting level for severity mycket stor, stor, måttlig, liten (health care)
 * @param costPenalty      levels to lower for cost låg, måttlig, hög, mycket hög
 * @param certaintyPenalty levels to lower for certainty hög, måttlig, låg, mycket låg
 * @param fouFrom          the certainty from which (and weaker) the knowledge counts as insufficient: FoU
 */
public record RankParameters(List<Integer> benefitStart, List<Integer> severityStart, List<Integer> costPenalty,
                             List<Integer> certaintyPenalty, Certainty fouFrom) {

    /** Prioriteringscentrum's step 7 read as levels two apart; see ADR 0007. */
    public static final RankParameters DEFAULT = new RankParameters(List.of(1, 3, 5, 7), List.of(1, 3, 5, 7),
            List.of(0, 0, 2, 4), List.of(0, 0, 1, 2), Certainty.MYCKET_LAG);

    /** Refuses parameters that break the invariants with {@link InvalidParameters} naming the list. */
    public RankParameters {
        benefitStart = checked("benefitStart", benefitStart, 4, Recommendation.BEST, Recommendation.WORST);
        severityStart = checked("severityStart", severityStart, 4, Recommendation.BEST, Recommendation.WORST);
        costPenalty = checked("costPenalty", costPenalty, 4, 0, Recommendation.WORST - 1);
        certaintyPenalty = checked("certaintyPenalty", certaintyPenalty, 4, 0, Recommendation.WORST - 1);
        if (fouFrom == null || fouFrom == Certainty.HOG || fouFrom == Certainty.MATTLIG) {
            throw new InvalidParameters("fouFrom");
        }
    }

    /** Each list has its length, stays within its bounds and never decreases, so the rule stays monotone. */
    private static List<Integer> checked(String name, List<Integer> values, int size, int min, int max) {
        if (values == null || values.size() != size) {
            throw new InvalidParameters(name);
        }
        for (int i = 0; i < size; i++) {
            Integer v = values.get(i);
            if (v == null || v < min || v > max || (i > 0 && v < values.get(i - 1))) {
                throw new InvalidParameters(name);
            }
        }
        return List.copyOf(values);
    }

    /** Parameters that would break the rule's invariants; {@code field} names the list. */
    public static final class InvalidParameters extends IllegalArgumentException {
        private final String field;

        InvalidParameters(String field) {
            super("Invalid rank parameter " + field);
            this.field = field;
        }

        /** The list at fault: benefitStart, severityStart, costPenalty, certaintyPenalty or fouFrom. */
        public String field() {
            return field;
        }
    }
}
