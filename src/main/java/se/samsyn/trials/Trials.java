package se.samsyn.trials;

import java.util.List;
import java.util.Map;
import se.samsyn.shared.Actor;

/**
 * Setting up, starting and ending trials of support tools (issue 15, points 1 and 5). Every change
 * is audited in the same transaction. Permissions (ADR 13): unit managers, analysts, directors
 * and administrators set up trials of units within their scope (a unit manager tries the tool in
 * its own unit, with comparison units of its municipality); the trial is managed by those whose
 * scope is or covers the scope it was set up in. Anyone signed in sees the national list, the plans
 * and the decisions.
 */
public interface Trials {

    /** Every trial, open and finished, newest first: the national list. */
    List<Trial> all();

    /** The trials of the tool with this knowledge-guide entry, newest first. */
    List<Trial> ofGuideEntry(String slug);

    /**
     * The knowledge-guide entries a plan may name as its tool's entry: the published ones, as slug
     * to title, iterating in title order; empty when nothing is published. Pages offer them by title
     * and show a named entry's title; a plan naming any other slug is refused
     * ({@code trials.error.guideEntry}).
     */
    Map<String, String> guideEntries();

    /** The trial; {@link TrialNotFound} when there is none. */
    Trial trial(long id);

    /** Every version of the trial's plan, the first first. */
    List<PlanVersion> versions(long id);

    /** Whether the actor may set up trials at all. */
    boolean maySetUp(Actor actor);

    /** Whether the actor may change, start and end this trial. */
    boolean mayManage(Actor actor, Trial trial);

    /** Whether the actor may record minutes and ratings: staff of a trial unit while the trial runs. */
    boolean mayRecord(Actor actor, Trial trial);

    /**
     * Sets up a trial, planned, version 1.
     *
     * @throws TrialRejected for the first field that is wrong (missing text, a guide entry that is not
     *                       published, dates out of order, no trial unit, a unit twice or outside the
     *                       actor's reach, a use measure without an instrument)
     * @throws org.springframework.security.access.AccessDeniedException when the actor may not set up trials
     */
    Trial create(Actor actor, TrialPlan plan);

    /**
     * Changes the plan: in place while planned; as a new version, with its note, once running
     * (the earlier version is kept and shown). An ended trial cannot be changed.
     *
     * @throws TrialRejected as for {@link #create}, or {@code note} missing for a running trial
     * @throws TrialNotFound when the trial does not exist or the actor may not manage it
     */
    Trial revise(Actor actor, long id, TrialPlan plan, String note);

    /** Starts a planned trial; its plan is frozen from now on. {@link TrialRejected} when not planned. */
    Trial start(Actor actor, long id);

    /**
     * Ends a running trial with its decision and rationale (1-4000 characters), today.
     *
     * @throws TrialRejected when the trial is not running or the rationale is missing
     */
    Trial decide(Actor actor, long id, Decision decision, String rationale);
}
