package se.samsyn.trials;

import java.time.Instant;

/**
 * One saved version of a trial's plan.
 *
 * @param version the version number, from 1
 * @param plan    the plan as it was saved
 * @param note    why it was changed (null for the first version)
 * @param savedAt when it was saved
 */
public record PlanVersion(int version, TrialPlan plan, String note, Instant savedAt) {
}
