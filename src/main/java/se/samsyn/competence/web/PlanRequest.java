package se.samsyn.competence.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.GapAnalysis;

/**
 * A course to plan for a person's gap, as the API takes it: a guide training's slug, degree
 * components a supplementary course gives, or both; the course's name defaults to the training's title.
 */
record PlanRequest(
        @NotBlank(message = "{competence.error.plan-person}") String employeeNumber,
        @NotBlank(message = "{competence.error.plan-requirement}") String requirement,
        @Size(max = 200, message = "{competence.error.plan-course}") String course,
        @Schema(nullable = true) String training,
        @Schema(allowableValues = {"social-work", "social-law", "administrative-law", "psychology"}) List<String> components,
        @NotNull(message = "{import.error.date-format}") LocalDate plannedOn) {

    GapAnalysis.NewPlanItem toItem() {
        Set<DegreeComponent> found = EnumSet.noneOf(DegreeComponent.class);
        for (String c : components == null ? List.<String>of() : components) {
            found.add(DegreeComponent.fromCode(c).orElseThrow(() -> new CompetenceRejected("components",
                    "competence.error.components")));
        }
        return new GapAnalysis.NewPlanItem(employeeNumber, requirement, course, training, found, plannedOn);
    }
}
