package se.samsyn.trials.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * One use of the tool, sent by a case-management system.
 *
 * @param usedOn  the day of use (ISO date), within the trial's running period, not in the future
 * @param minutes the minutes the use took, 0-600
 */
record UseRequest(@NotNull(message = "trials.error.usedOn") @Schema(example = "2026-03-02") LocalDate usedOn,
                  @NotNull(message = "trials.error.minutes") @Min(value = 0, message = "trials.error.minutes") @Max(value = 600, message = "trials.error.minutes") @Schema(example = "7") Integer minutes) {
}
