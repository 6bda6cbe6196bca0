package se.samsyn.comparison;

/** What a national analyst fills in to define a follow-up indicator from a template. Codes as text. */
public record NewIndicator(String id, String titleSv, String titleEn, String descriptionSv, String descriptionEn,
                           String focusArea, String kind, String qualityDimension, String measureType,
                           String direction, String template, String instrumentCode, String interventionCode,
                           String ageBand, String filterFocusArea, Boolean published) {
}
