package se.samsyn.followup;

import java.time.Instant;
import java.util.Map;

/**
 * The nation's outcomes per intervention of one instrument and calendar year as the nation's
 * stored outcome report publishes them ({@link PracticeOutcomes#published}): for each intervention
 * with a client in the report, the report's cell for all sexes (T) of the intervention's row, with
 * n, the median baseline, follow-up and change and the share improved (per cent, one decimal), or
 * hidden ({@code suppressed}, every figure null) exactly where the report hides it: under the
 * threshold or to protect another count of the nation's or a region's report (ADR 0015).
 *
 * @param year           the calendar year, such as 2025
 * @param instrumentCode the instrument, such as {@code who5}
 * @param asOf           when the clients of the stored reports were read
 * @param interventions  the cells by intervention code; an intervention without a client that year is absent
 */
public record NationalOutcomes(int year, String instrumentCode, Instant asOf,
                               Map<String, OutcomeReport.Cell> interventions) {

    public NationalOutcomes {
        interventions = Map.copyOf(interventions);
    }
}
