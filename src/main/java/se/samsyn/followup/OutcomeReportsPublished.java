package se.samsyn.followup;

import java.util.List;
import java.util.TreeSet;

/**
 * The stored outcome reports as published outside the owning unit were replaced (ADR 0015): the
 * refresh committed new reports of these calendar years. Published in the write transaction, so
 * listeners ({@code @ApplicationModuleListener}) see it only after the commit; the comparison
 * module re-marks the outcome indicators of these years against the new reports (and, for reports
 * stored while the application starts, also hears it in the publishing thread and re-marks after
 * that commit, before the application is ready).
 *
 * @param years every calendar year with a stored report now, ascending and without repeats; never null
 */
public record OutcomeReportsPublished(List<Integer> years) {

    /** Sorts the years and drops repeats, so that the event never changes. */
    public OutcomeReportsPublished {
        years = List.copyOf(new TreeSet<>(years));
    }
}
