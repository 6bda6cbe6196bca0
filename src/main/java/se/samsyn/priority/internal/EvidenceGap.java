package se.samsyn.priority.internal;

import se.samsyn.priority.Certainty;
import se.samsyn.priority.PracticeEvidence.Verdict;

/**
 * Compares the certainty of the research evidence with what follow-up observes in practice, and
 * flags a large gap for the group's attention (ADR 0007). Both are put on a scale 0–3: research
 * hög 3, måttlig 2, låg 1, mycket låg or saknas 0; practice by the share of clients improved by at
 * least the instrument's minimal important difference: 60 % or more 3, 45 % 2, 30 % 1, less 0.
 * A difference of two steps or more is a large gap. Practice is judged only on at least
 * {@link #MIN_CLIENTS} clients, and never when the figures are suppressed.
 */
final class EvidenceGap {

    static final int MIN_CLIENTS = 20;
    static final int LARGE = 2;

    private EvidenceGap() {
    }

    /**
     * The verdict for a pair: {@link Verdict#NO_DATA} without figures, {@link Verdict#TOO_FEW} under
     * {@link #MIN_CLIENTS} clients, {@link Verdict#WITHHELD} when the share improved is withheld beside
     * its n (0 % or 100 % of a small base, ADR 0015), otherwise the gap between research and practice on the 0–3 scale.
     *
     * @param shareImproved the share of clients improved, in percent (0–100)
     */
    static Verdict judge(Certainty certainty, Integer clients, Double shareImproved) {
        if (clients == null) {
            return Verdict.NO_DATA;
        }
        if (clients < MIN_CLIENTS) {
            return Verdict.TOO_FEW;
        }
        if (shareImproved == null) {
            return Verdict.WITHHELD; // withheld beside its n (0 % or 100 % of a small base, ADR 0015)
        }
        int gap = research(certainty) - practice(shareImproved);
        if (gap >= LARGE) {
            return Verdict.PRACTICE_WEAKER;
        }
        if (gap <= -LARGE) {
            return Verdict.PRACTICE_STRONGER;
        }
        return Verdict.CONSISTENT;
    }

    static int research(Certainty certainty) {
        return switch (certainty) {
            case HOG -> 3;
            case MATTLIG -> 2;
            case LAG -> 1;
            case MYCKET_LAG, SAKNAS -> 0;
        };
    }

    static int practice(double shareImproved) {
        if (shareImproved >= 60) {
            return 3;
        }
        if (shareImproved >= 45) {
            return 2;
        }
        return shareImproved >= 30 ? 1 : 0;
    }
}
