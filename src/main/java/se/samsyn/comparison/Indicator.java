package se.samsyn.comparison;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An indicator's metadata. Follow-up indicators carry a template and its parameters; imported
 * ones carry their source. Codes are stored as the enums' codes and written to JSON as those codes
 * ({@code "direction":"higher"}); who created it ({@code createdBy}) is internal and never written to JSON.
 */
public record Indicator(
        String id,
        String titleSv,
        String titleEn,
        String descriptionSv,
        String descriptionEn,
        String focusArea,
        IndicatorKind kind,
        QualityDimension qualityDimension,
        MeasureType measureType,
        MeasureUnit unit,
        Direction direction,
        String origin,
        Template template,
        String instrumentCode,
        String interventionCode,
        String ageBand,
        String filterFocusArea,
        String sourceName,
        String operatingArea,
        String perspective,
        boolean dividedByGender,
        LocalDate publicationDate,
        boolean published,
        @JsonIgnore String createdBy,
        Instant createdAt,
        Instant refreshedAt) {

    public static final String ORIGIN_FOLLOWUP = "followup";
    public static final String ORIGIN_KOLADA = "kolada";

    public boolean computed() {
        return ORIGIN_FOLLOWUP.equals(origin);
    }

    public String title(String language) {
        return "en".equals(language) ? titleEn : titleSv;
    }

    public String description(String language) {
        return "en".equals(language) ? descriptionEn : descriptionSv;
    }
}
