package se.samsyn.prevention.internal;

import java.util.List;
import se.samsyn.prevention.OutcomeSummary;
import se.samsyn.prevention.Questionnaire;

/** Summarises anonymous answer pairs, withholding every figure of a group under {@link OutcomeSummary#MIN_GROUP}. */
final class Outcomes {

    private Outcomes() {
    }

    /** @param pairs {before, after} scores */
    static OutcomeSummary summarise(Questionnaire q, List<double[]> pairs) {
        int n = pairs.size();
        if (n < OutcomeSummary.MIN_GROUP) {
            return new OutcomeSummary(q.code(), n, null, null, null, null, true);
        }
        int improved = (int) pairs.stream().filter(p -> q.improved(p[0], p[1])).count();
        double before = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double after = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        return new OutcomeSummary(q.code(), n, improved, 100.0 * improved / n, before, after, false);
    }
}
