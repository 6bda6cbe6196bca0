package se.samsyn.audit;

import java.time.Instant;

/** A stored audit row as shown to an administrator. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String actorRole,
        String actorScope,
        String action,
        AuditCategory category,
        AuditOutcome outcome,
        String objectType,
        String objectId,
        String municipalityCode,
        String countyCode,
        String unitCode,
        String details) {
}
