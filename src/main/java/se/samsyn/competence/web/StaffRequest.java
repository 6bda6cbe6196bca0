package se.samsyn.competence.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.samsyn.competence.StaffRow;

/**
 * A person of the staff register as the API and the form take it, field by field as the HR
 * export's columns (README, "Competence"); the employee number comes from the path or the form.
 * The register's row rule checks the values (an employee number shaped like a personnummer is refused).
 */
record StaffRequest(
        @NotBlank(message = "{competence.error.name}") @Size(max = 200, message = "{competence.error.name}") String name,
        @NotBlank(message = "{competence.error.role}") @Schema(allowableValues = {"social-worker", "assistant-nurse",
                "care-assistant", "case-officer", "manager", "other"}) String role,
        @NotBlank(message = "{competence.error.employment}")
        @Schema(allowableValues = {"permanent", "temporary", "agency"}) String employment,
        @NotBlank(message = "{import.error.date-format}") @Schema(example = "2025-08-18") String startDate,
        @Schema(nullable = true, example = "2026-12-31") String endDate,
        @Schema(nullable = true, example = "2.5", description = "years of earlier relevant experience") String priorYears,
        @Schema(nullable = true, example = "behavioural-science[social-work+psychology]") String degrees,
        @Schema(nullable = true, example = "social-law;administrative-law") String supplementary,
        @Schema(nullable = true, example = "webbutbildning-evidensbaserad-praktik@2025-09-01") String trainings,
        @Schema(nullable = true, example = "investigate;follow-up") String tasks,
        @Schema(nullable = true, example = "underskoterska") String titles) {

    StaffRow toRow(String employeeNumber) {
        return new StaffRow(employeeNumber, name, role, employment, startDate, endDate, priorYears, degrees,
                supplementary, trainings, tasks, titles);
    }
}
