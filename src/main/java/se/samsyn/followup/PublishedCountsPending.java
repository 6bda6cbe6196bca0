package se.samsyn.followup;

import se.samsyn.shared.DomainProblem;

/**
 * The needs report or the clients per intervention outside the owning unit have not been computed
 * and stored yet ({@link PublishedCounts}): answered 503 with {@code followup.published-counts.pending},
 * which says so and that they come within a few minutes, instead of computing them on the request
 * (which takes seconds at national scale, ADR 0015).
 */
public class PublishedCountsPending extends DomainProblem {

    private static final long serialVersionUID = 1L;

    /** @param report the stored report's key, such as {@code needs}; for the log only */
    public PublishedCountsPending(String report) {
        super(503, "followup.published-counts.pending", "The published counts of " + report + " are not stored yet");
    }
}
