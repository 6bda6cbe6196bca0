package se.samsyn.priority;

/** What the rule reads about a pair. {@code severity} may be null, and is never read in social-services mode. */
public record PairCriteria(Benefit benefit, CostLevel cost, Certainty certainty, Severity severity, boolean statutory) {

    /** Refuses a missing benefit, cost or certainty with {@link IllegalArgumentException}. */
    public PairCriteria {
        if (benefit == null || cost == null || certainty == null) {
            throw new IllegalArgumentException("benefit, cost and certainty are required");
        }
    }
}
