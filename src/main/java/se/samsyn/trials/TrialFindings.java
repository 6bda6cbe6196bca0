package se.samsyn.trials;

import se.samsyn.shared.Actor;

/**
 * The run charts and the summary of a trial (issue 15, point 4). Readers with figures: those who
 * manage the trial, and those whose scope is or covers a participating unit, and national
 * analysts. Counts under the suppression threshold are hidden outside the unit (the reader's own
 * unit sees its own); anonymous ratings are shown only in groups of at least the minimum, for
 * everyone.
 */
public interface TrialFindings {

    /** What the actor may see of the trial's findings; {@link TrialNotFound} when there is no trial. */
    Findings findings(Actor actor, long trialId);
}
