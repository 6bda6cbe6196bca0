package se.samsyn.comparison.internal;

/**
 * Attribute disclosure (ADR 15): a share of 0 % or 100 % says something about every person
 * counted. On a small base that is a statement about a few named-enough people ("none of the 7
 * clients in X was helped"), so such a share is withheld: its cell becomes a primary suppressed
 * cell, protected by the secondary suppression like a small count. Small means a base under twice
 * the suppression threshold (under 10 with the default threshold 5); 0 % and 100 % on a base of
 * 10 or more, and every share strictly between, are published. Plain Java.
 */
final class ExtremeShares {

    private static final double EPSILON = 1e-9;

    private ExtremeShares() {
    }

    /**
     * Whether a share must be withheld.
     *
     * @param numerator   the count with the attribute (null: no share)
     * @param denominator the base the share is of (null or 0: no share, nothing to withhold)
     * @param threshold   the suppression threshold t; bases under 2t are small here
     * @return true for a numerator of 0 or equal to the denominator, when 0 &lt; denominator &lt; 2t
     */
    static boolean withheld(Double numerator, Double denominator, int threshold) {
        if (numerator == null || denominator == null || denominator <= EPSILON || denominator >= 2.0 * threshold) {
            return false;
        }
        return Math.abs(numerator) < EPSILON || Math.abs(numerator - denominator) < EPSILON;
    }
}
