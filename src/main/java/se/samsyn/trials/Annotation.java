package se.samsyn.trials;

import java.time.LocalDate;

/**
 * A change made in improvement work, one Plan-Do-Study-Act cycle, marked on a run chart.
 *
 * @param notedOn the day the change was made (the chart marks its period)
 * @param plan    what was planned, 1-1000 characters
 * @param done    what was done, or null
 * @param seen    what was seen, or null
 * @param next    what comes next, or null
 */
public record Annotation(LocalDate notedOn, String plan, String done, String seen, String next) {
}
