package se.samsyn.knowledge.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import se.samsyn.knowledge.EntryContent;

/**
 * The body of a create or update call on the entries API, as the API takes it: the same fields as
 * an entry's content ({@code type}, {@code focusAreas}, {@code targetGroups} and {@code evidence} as
 * codes, dates as ISO dates). Bean Validation refuses what is plainly too long or missing, with the
 * guide's own message keys; the entry workflow checks the codes and everything else.
 */
record EntryRequest(
        @Size(max = 100, message = "guide.error.slug") String slug,
        @NotBlank(message = "guide.error.type")
        @Schema(allowableValues = {"method", "guideline", "instrument", "training", "regulation", "report"}) String type,
        @NotBlank(message = "guide.error.title") @Size(max = 200, message = "guide.error.title") String title,
        @NotBlank(message = "guide.error.summary") @Size(max = 1000, message = "guide.error.summary") String summary,
        @Size(max = 20_000, message = "guide.error.body") String body,
        List<String> focusAreas,
        List<String> targetGroups,
        @NotBlank(message = "guide.error.publisher") @Size(max = 100, message = "guide.error.publisher") String publisher,
        String evidence,
        LocalDate validFrom,
        LocalDate reviewDue,
        @Size(max = 2000, message = "guide.error.source-url") String sourceUrl) {

    /** The content the entry workflow takes, field by field. */
    EntryContent content() {
        return new EntryContent(slug, type, title, summary, body, focusAreas, targetGroups, publisher, evidence,
                validFrom, reviewDue, sourceUrl);
    }
}
