package se.samsyn.trials.internal;

import java.util.function.Predicate;
import se.samsyn.trials.TrialRejected;

/**
 * Rules on a trial plan that need neither the database nor Spring, so that they can be tested on
 * their own; {@link TrialRegister} applies them with what the other modules answer.
 */
final class PlanRules {

    private PlanRules() {
    }

    /**
     * The tool's knowledge-guide entry: nothing (null, empty or blank gives null) or the slug of a
     * published entry, stripped of surrounding blanks before the guide is asked. Issue 17, point 2:
     * an entry that does not exist cannot be referenced; one that exists but is not published is
     * refused the same way, since the plan would link to a page nobody can read.
     *
     * @param value     the slug as given
     * @param published whether the knowledge guide has a published entry with a slug
     * @return the stripped slug, or null for no entry
     * @throws TrialRejected on {@code guideEntry} with {@code trials.error.guideEntry} for a slug the
     *                       guide does not publish
     */
    static String guideEntry(String value, Predicate<String> published) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String slug = value.strip();
        if (!published.test(slug)) {
            throw new TrialRejected("guideEntry", "trials.error.guideEntry");
        }
        return slug;
    }
}
