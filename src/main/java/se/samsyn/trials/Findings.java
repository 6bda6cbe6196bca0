package se.samsyn.trials;

import java.util.List;

/**
 * What a trial found, as one reader may see it (issue 15, point 4).
 *
 * @param trial       the trial
 * @param figures     whether the reader may see figures at all; when false the lists are empty
 * @param sections    one section per measure of the plan
 * @param summaries   burden against use, one per trial unit
 * @param groupMinimum the smallest group of anonymous answers that is shown
 * @param threshold   counts under this are suppressed outside the unit
 */
public record Findings(Trial trial, boolean figures, List<Section> sections, List<Summary> summaries,
                       int groupMinimum, int threshold) {

    /**
     * One measure: a run chart per participating unit, the reader's own unit first.
     *
     * @param measure the measure
     * @param charts  one per unit
     */
    public record Section(Measure measure, List<UnitChart> charts) {

        /** Whether any chart of the section signals. */
        public boolean signal() {
            return charts.stream().anyMatch(c -> c.chart().signal());
        }
    }

    /**
     * One unit's chart.
     *
     * @param participant the unit and its role
     * @param unitName    the unit's name
     * @param own         whether it is the reader's own unit (figures not suppressed)
     * @param chart       the run chart
     */
    public record UnitChart(Participant participant, String unitName, boolean own, RunChart chart) {
    }

    /**
     * Burden against use for one trial unit over the trial period (from the start).
     *
     * @param participant     the unit
     * @param unitName        its name
     * @param uses            recorded uses, or null when suppressed
     * @param meanMinutes     mean minutes per use, or null (none, or suppressed)
     * @param answers         anonymous ratings given, or null when under the group minimum
     * @param meanWorkload    mean raw TLX, or null when under the group minimum
     * @param helpedPercent   per cent of answers saying the tool helped, or null when under the minimum
     * @param measurements    outcome measurements yielded in the trial period, or null (suppressed,
     *                        or no instrument)
     * @param baselineMeasurements the same over the baseline period, or null
     * @param few             whether the numbers are too few to judge (under 10 uses or answers)
     */
    public record Summary(Participant participant, String unitName, Integer uses, Double meanMinutes, Integer answers,
                          Double meanWorkload, Double helpedPercent, Integer measurements,
                          Integer baselineMeasurements, boolean few) {
    }
}
