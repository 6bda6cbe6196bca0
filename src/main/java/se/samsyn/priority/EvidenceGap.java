package se.samsyn.priority;

/**
 * Compares the certainty of the research evidence with what follow-up observes in practice, and
 * flags a large gap for the group's attention (ADR 0007). Both are put on a scale 0–3: research
 * hög 3, måttlig 2, låg 1, mycket låg or saknas 0; practice by the share of clients improved by at
 * least the instrument's minimal important difference: 60 % or more 3, 45 % 2, 30 % 1, less 0.
 * A difference of two steps or more is a large gap. Practice is judged only on at least
 * {@link #MIN_CLIENTS} clients, and never when the figures are suppressed.
 */
public final class EvidenceGap {

    public static final int MIN_CLIENTS = 20;
    public static final int LARGE = 2;

    public enum Verdict {
        NO_DATA, TOO_FEW, CONSISTENT, PRACTICE_WEAKER, PRACTICE_STRONGER;

        public boolean large() {
            return this == PRACTICE_WEAKER || this == PRACTICE_STRONGER;
        }

        /** The verdict's code in the API and in message keys, for example {@code practice-weaker}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private EvidenceGap() {
    }

    public static Verdict judge(Certainty certainty, Integer clients, Double shareImproved) {
        if (clients == null || shareImproved == null) {
            return Verdict.NO_DATA;
        }
        if (clients < MIN_CLIENTS) {
            return Verdict.TOO_FEW;
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
