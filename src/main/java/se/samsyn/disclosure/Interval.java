package se.samsyn.disclosure;

/**
 * What the attacker derives for one hidden count, rounded inwards to whole counts: it lies in
 * {@code low} … {@code high}; {@code high} is {@link Double#POSITIVE_INFINITY} when nothing bounds it
 * from above.
 */
public record Interval(double low, double high) {

    /** The number of whole counts between the bounds, less one (0 = the count is exact). */
    public double width() {
        return high - low;
    }

    /**
     * The protection level of ADR 0015 for a threshold t: the interval spans at least t − 1 (at
     * least t possible counts, as many as "0 to t − 1"), and it reaches t, so that it does not say
     * "1 to t − 1, a few but not none".
     */
    public boolean protects(int threshold) {
        return width() >= threshold - 1 && high >= threshold;
    }
}
