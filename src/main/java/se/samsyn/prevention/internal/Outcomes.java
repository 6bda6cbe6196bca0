package se.samsyn.prevention.internal;

import java.util.List;
import se.samsyn.prevention.OutcomeSummary;
import se.samsyn.prevention.Questionnaire;

/**
 * Summarises anonymous answer pairs, withholding every figure of a group under
 * {@link OutcomeSummary#MIN_GROUP}, and the improved count and share of a group of
 * {@link OutcomeSummary#MIN_GROUP} to 2 × {@link OutcomeSummary#MIN_GROUP} − 1 pairs where none or all
 * improved (ADR 0015: a share of 0 % or 100 % on a base under 2t says it of every member).
 */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * @param q     the questionnaire, which decides what counts as improved
     * @param pairs {before, after} scores
     * @return the summary; {@code suppressed} under 5 pairs, {@code shareWithheld} (improved, share and
     *         means null) for 0 or all improved of 5 to 9 pairs: the mean change against the instrument's
     *         public minimal difference would tell which of the two it is
     */
    static OutcomeSummary summarise(Questionnaire q, List<double[]> pairs) {
        int n = pairs.size();
        if (n < OutcomeSummary.MIN_GROUP) {
            return new OutcomeSummary(q.code(), n, null, null, null, null, true);
        }
        int improved = (int) pairs.stream().filter(p -> q.improved(p[0], p[1])).count();
        double before = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double after = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        if (OutcomeSummary.extreme(n, improved)) {
            // the means go too: with none or all improved, the mean change is below the minimal
            // difference exactly when none improved, so the means would give the share back
            return new OutcomeSummary(q.code(), n, null, null, null, null, false, true);
        }
        return new OutcomeSummary(q.code(), n, improved, 100.0 * improved / n, before, after, false, false);
    }
}
