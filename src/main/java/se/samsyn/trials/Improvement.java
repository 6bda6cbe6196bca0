package se.samsyn.trials;

import java.time.LocalDate;
import java.util.List;
import se.samsyn.shared.Actor;

/**
 * Improvement work on any follow-up indicator of a unit or a municipality (issue 15, point 6): the
 * same run chart and Anhøj signals as a trial, for one instrument's use measure, with the PDSA
 * annotations of the changes made. Readers: those whose scope is or covers the unit or
 * municipality (not case workers of other units, not knowledge editors); counts under the
 * threshold are suppressed outside the unit. Annotations are written by unit managers, analysts,
 * directors and administrators within scope, audited.
 */
public interface Improvement {

    /**
     * The run chart of one measure of the instrument in the unit or municipality, per period from
     * {@code from} to {@code to}; the baseline is the periods before {@code changeFrom} (null: all).
     *
     * @param scopeCode  a unit code or a four-digit municipality code
     * @param measure    reach, completeness, measurements or outcome change
     * @throws TrialNotFound when the actor may not see the scope
     * @throws TrialRejected for a measure not from follow-up or dates out of order
     */
    RunChart chart(Actor actor, String scopeCode, String instrumentCode, Measure measure, PeriodKind period,
                   LocalDate from, LocalDate to, LocalDate changeFrom);

    /** The annotations of this scope and indicator, oldest first. */
    List<Annotation> annotations(Actor actor, String scopeCode, String instrumentCode, Measure measure);

    /**
     * Adds an annotation. {@link TrialRejected} naming {@code plan} or {@code notedOn}; {@link TrialNotFound}
     * when the actor may not annotate the scope.
     */
    void annotate(Actor actor, String scopeCode, String instrumentCode, Measure measure, Annotation annotation);

    /**
     * The run chart of a comparison indicator for a municipality: one point per year with the
     * municipality's value as open comparisons shows it (its suppression applied), the baseline
     * being the years before the first annotation.
     *
     * @throws TrialNotFound when the actor may not see the municipality
     */
    RunChart indicatorChart(Actor actor, String municipalityCode, String indicatorId);

    /** The annotations of a comparison indicator in a municipality, oldest first. */
    List<Annotation> indicatorAnnotations(Actor actor, String municipalityCode, String indicatorId);

    /** Adds an annotation to a comparison indicator in a municipality; errors as {@link #annotate}. */
    void annotateIndicator(Actor actor, String municipalityCode, String indicatorId, Annotation annotation);

    /** Whether the actor may add annotations in the scope. */
    boolean mayAnnotate(Actor actor, String scopeCode);
}
