package se.samsyn.knowledge.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntrySummary;
import se.samsyn.knowledge.GuideCollection;

/**
 * What the entries and collections API answers to anyone: an entry or a collection without who
 * last changed or created it (the account names stay inside Samsyn; editors see them on the pages
 * and in the version history).
 */
final class GuideAnswers {

    private GuideAnswers() {
    }

    /** An entry as the public reads it: content, status code, version and times, no account names. */
    record EntryAnswer(long id, String slug,
                       @Schema(allowableValues = {"method", "guideline", "instrument", "training", "regulation",
                               "report"}) String type,
                       String title, String summary, String body,
                       List<String> focusAreas,
                       @ArraySchema(schema = @Schema(allowableValues = {"children", "young-people", "parents", "adults",
                               "older-people", "relatives", "staff", "managers"})) List<String> targetGroups,
                       String publisher,
                       @Schema(description = "rank-1 … rank-10, fou, grade-hog, grade-mattlig, grade-lag, "
                               + "grade-mycket-lag, or null") String evidence,
                       LocalDate validFrom, LocalDate reviewDue, String sourceUrl,
                       @Schema(allowableValues = {"draft", "review", "published", "archived"}) String status, int version,
                       Instant updatedAt, Instant publishedAt) {

        static EntryAnswer of(Entry e) {
            return new EntryAnswer(e.id(), e.slug(), e.type(), e.title(), e.summary(), e.body(), e.focusAreas(),
                    e.targetGroups(), e.publisher(), e.evidence(), e.validFrom(), e.reviewDue(), e.sourceUrl(),
                    e.status(), e.version(), e.updatedAt(), e.publishedAt());
        }
    }

    /** A collection as the public reads it: its owner scope (type as a code: {@code nation}, {@code region}, {@code municipality}) and entries, without who created it. */
    record CollectionAnswer(long id, String slug, String title, String description, String scopeType, String scopeCode,
                            Instant updatedAt, List<EntrySummary> entries) {

        static CollectionAnswer of(GuideCollection c) {
            return new CollectionAnswer(c.id(), c.slug(), c.title(), c.description(),
                    se.samsyn.shared.ScopeType.ofJson(c.scopeType()).code(), c.scopeCode(),
                    c.updatedAt(), c.entries());
        }
    }
}
