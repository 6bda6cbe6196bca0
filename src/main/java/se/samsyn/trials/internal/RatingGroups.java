package se.samsyn.trials.internal;

import java.util.List;
import se.samsyn.trials.Rating;

/**
 * The rule for anonymous answers (issue 15, point 2): a group of answers (one unit, one period, or
 * one unit over the trial) is shown only when it holds at least the minimum number of answers
 * (setting {@code samsyn.trials.rating-group-minimum}, 5 by default), and then only as means and
 * shares, never answer by answer.
 */
final class RatingGroups {

    private RatingGroups() {
    }

    /**
     * What a group shows.
     *
     * @param answers       the number of answers
     * @param meanWorkload  the mean raw TLX, 0-100
     * @param helpedPercent the per cent of answers saying the tool helped
     */
    record Group(int answers, double meanWorkload, double helpedPercent) {
    }

    /** The group's figures, or null when it has fewer answers than {@code minimum} (or none). */
    static Group shown(List<Rating> ratings, int minimum) {
        if (ratings.isEmpty() || ratings.size() < minimum) {
            return null;
        }
        double workload = ratings.stream().mapToDouble(Rating::rawTlx).average().orElseThrow();
        double helped = 100.0 * ratings.stream().filter(Rating::helped).count() / ratings.size();
        return new Group(ratings.size(), workload, helped);
    }
}
