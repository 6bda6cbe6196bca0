package se.samsyn.trials;

import java.time.LocalDate;
import se.samsyn.shared.Actor;

/**
 * The burden of a tool, recorded by the staff of a trial unit while the trial runs (issue 15,
 * point 2). Only case workers and unit managers whose unit is a trial unit record; anyone else gets
 * {@link TrialNotFound}. Minutes are audited with the recorder; a rating is audited without
 * anything that ties the answer to the person (no answer id, no scores), and the stored answer
 * holds only the trial, the unit and the period.
 */
public interface TrialBurden {

    /**
     * Records one use of the tool and the minutes it took.
     *
     * @param usedOn  the day of use, within the trial's running period and not in the future
     * @param minutes 0-600
     * @param source  {@code page} or {@code api}
     * @throws TrialRejected naming {@code usedOn} or {@code minutes}
     */
    void recordUse(Actor actor, long trialId, LocalDate usedOn, int minutes, String source);

    /**
     * Stores one anonymous rating for the actor's unit, in the period holding {@code day} (the
     * current period when null; an earlier one of the trial when answered late).
     *
     * @throws TrialRejected naming {@code day} when it is in the future or outside the trial
     */
    void rate(Actor actor, long trialId, LocalDate day, Rating rating);

    /** The smallest group of anonymous answers that is shown (setting {@code samsyn.trials.rating-group-minimum}). */
    int groupMinimum();
}
