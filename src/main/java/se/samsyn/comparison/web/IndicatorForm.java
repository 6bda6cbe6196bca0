package se.samsyn.comparison.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.samsyn.comparison.NewIndicator;

/**
 * The request body that defines a follow-up indicator ({@code POST /api/v1/comparisons/indicators}).
 * Codes are the lower-case codes the answers use. Bean Validation checks the shape (present, not
 * too long); the catalogue checks the rest (id pattern, codes, template parameters) and answers
 * {@code IndicatorRejected} (422) with the same {@code errors: [{field, message}]} shape.
 */
record IndicatorForm(
        @NotBlank(message = "comparison.error.id") @Size(max = 20, message = "comparison.error.id") String id,
        @NotBlank(message = "comparison.error.title") @Size(max = 300, message = "comparison.error.title") String titleSv,
        @NotBlank(message = "comparison.error.title") @Size(max = 300, message = "comparison.error.title") String titleEn,
        @Size(max = 4000) String descriptionSv,
        @Size(max = 4000) String descriptionEn,
        String focusArea,
        @Schema(allowableValues = {"quality", "welfare", "key-figure"}) String kind,
        @Schema(allowableValues = {"knowledge-based", "safe", "person-centred", "efficient", "equal", "accessible"})
        String qualityDimension,
        @Schema(allowableValues = {"structure", "process", "result"}) String measureType,
        @Schema(allowableValues = {"higher", "lower", "neutral"}) String direction,
        @Schema(allowableValues = {"improved-share", "median-change", "completed-share", "goals-achieved", "clients-per-1000"})
        String template,
        String instrumentCode,
        String interventionCode,
        @Schema(description = "Comma-separated age bands, for example 65-79,80+; empty means all ages") String ageBand,
        String filterFocusArea,
        Boolean published) {

    NewIndicator toNewIndicator() {
        return new NewIndicator(id, titleSv, titleEn, descriptionSv, descriptionEn, focusArea, kind, qualityDimension,
                measureType, direction, template, instrumentCode, interventionCode, ageBand, filterFocusArea, published);
    }
}
