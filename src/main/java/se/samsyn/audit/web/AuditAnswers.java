package se.samsyn.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import se.samsyn.audit.AuditEntry;
import se.samsyn.audit.AuditPage;

/**
 * The audit API's answers: the page of entries as {@link AuditPage} holds it, with the role,
 * category and outcome as the API's lower-case codes ({@code administrator}, {@code security},
 * {@code success}) rather than Java names (issue 18, "the API speaks its own codes").
 */
final class AuditAnswers {

    private AuditAnswers() {
    }

    /**
     * One page of entries, newest first: {@code total} matching entries, {@code page} from 0,
     * {@code size} per page; when {@code totalCapped} is true, counting stopped 10,000 entries past
     * the page and {@code total} is a lower bound.
     */
    record PageAnswer(List<EntryAnswer> entries, long total, int page, int size, boolean totalCapped) {

        static PageAnswer of(AuditPage page) {
            return new PageAnswer(page.entries().stream().map(EntryAnswer::of).toList(), page.total(), page.page(),
                    page.size(), page.totalCapped());
        }
    }

    /**
     * One audit row. {@code actorScope} is {@code type:code} ({@code municipality:1880}); the
     * object and area columns are as recorded, null where the event has none.
     */
    record EntryAnswer(
            long seq,
            Instant occurredAt,
            String actor,
            @Schema(description = "The actor's role code", allowableValues = {"case-worker", "unit-manager",
                    "municipal-analyst", "social-director", "regional-analyst", "national-analyst",
                    "knowledge-editor", "administrator"}, nullable = true)
            String actorRole,
            String actorScope,
            String action,
            @Schema(allowableValues = {"security", "administration", "individual-read", "individual-write"})
            String category,
            @Schema(allowableValues = {"success", "failure", "denied"})
            String outcome,
            String objectType,
            String objectId,
            String municipalityCode,
            String countyCode,
            String unitCode,
            String details) {

        static EntryAnswer of(AuditEntry e) {
            String role = e.actorRole() == null ? null : e.actorRole().toLowerCase(Locale.ROOT).replace('_', '-');
            return new EntryAnswer(e.seq(), e.occurredAt(), e.actor(), role, e.actorScope(), e.action(),
                    e.category().code(), e.outcome().code(), e.objectType(), e.objectId(), e.municipalityCode(),
                    e.countyCode(), e.unitCode(), e.details());
        }
    }
}
