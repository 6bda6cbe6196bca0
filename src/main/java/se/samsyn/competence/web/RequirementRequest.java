package se.samsyn.competence.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.ProtectedTitle;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.RequirementKind;
import se.samsyn.competence.StaffRole;

/**
 * A requirement as the API and the catalogue form take it; the code comes from the path or the form.
 * Codes are the lower-case codes of the answers; the catalogue checks the rest (see
 * {@link se.samsyn.competence.Requirements#save}).
 */
record RequirementRequest(
        @NotBlank(message = "{competence.error.kind}")
        @Schema(allowableValues = {"statutory", "national-goal", "local"}) String kind,
        @Schema(nullable = true, description = "four-digit SCB code; required for local requirements")
        @Pattern(regexp = "\\d{4}", message = "{competence.error.municipality}") String municipalityCode,
        @NotBlank(message = "{competence.error.title}") @Size(max = 300, message = "{competence.error.title}") String titleSv,
        @Size(max = 300, message = "{competence.error.title}") String titleEn,
        @Schema(nullable = true, allowableValues = {"social-worker", "assistant-nurse", "care-assistant", "case-officer",
                "manager", "other"}) String role,
        @Schema(nullable = true, allowableValues = {"open-investigation", "investigate", "follow-up"}) String task,
        @Schema(description = "accepted degrees, any one suffices", allowableValues = {"socionom", "behavioural-science",
                "psychology", "law", "social-care", "nursing", "other"}) List<String> degrees,
        @Schema(allowableValues = {"social-work", "social-law", "administrative-law", "psychology"}) List<String> components,
        @Schema(nullable = true, description = "slug of a published guide entry of type training") String training,
        @DecimalMin(value = "0", message = "{competence.error.prior-years}")
        @DecimalMax(value = "60", message = "{competence.error.prior-years}") BigDecimal minYears,
        @Schema(nullable = true, allowableValues = {"underskoterska"}) String title,
        @Min(value = 1, message = "{competence.error.within-months}")
        @Max(value = 120, message = "{competence.error.within-months}") Integer withinMonths,
        @NotBlank(message = "{competence.error.source}") @Size(max = 500, message = "{competence.error.source}") String source,
        @Size(max = 500) String sourceUrl) {

    /** The catalogue's requirement with this code; {@link CompetenceRejected} naming an unknown code's field. */
    Requirement toRequirement(String code) {
        return new Requirement(code,
                RequirementKind.fromCode(blank(kind)).orElseThrow(() -> new CompetenceRejected("kind", "competence.error.kind")),
                blank(municipalityCode), blank(titleSv), blank(titleEn),
                blank(role) == null ? null : StaffRole.fromCode(role)
                        .orElseThrow(() -> new CompetenceRejected("role", "competence.error.role")),
                blank(task) == null ? null : RegulatedTask.fromCode(task)
                        .orElseThrow(() -> new CompetenceRejected("task", "competence.error.tasks")),
                codes(degrees, "degrees", Degree::fromCode, "competence.error.degrees"),
                codes(components, "components", DegreeComponent::fromCode, "competence.error.components"),
                blank(training), minYears,
                blank(title) == null ? null : ProtectedTitle.fromCode(title)
                        .orElseThrow(() -> new CompetenceRejected("title", "competence.error.titles")),
                withinMonths, blank(source), blank(sourceUrl));
    }

    private static <E> Set<E> codes(List<String> codes, String field,
                                    java.util.function.Function<String, java.util.Optional<E>> lookup, String key) {
        Set<E> found = new LinkedHashSet<>();
        for (String c : codes == null ? List.<String>of() : codes) {
            if (c != null && !c.isBlank()) {
                found.add(lookup.apply(c.strip()).orElseThrow(() -> new CompetenceRejected(field, key)));
            }
        }
        return found;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
