package se.samsyn.audit;

import java.util.function.Consumer;
import se.samsyn.shared.Scope;

/**
 * The audit trail: append-only and tamper-evident. Appending joins the caller's transaction, so
 * individual-level data and its audit row are written together or not at all. Searching is
 * limited to the viewer's scope.
 */
public interface AuditTrail {

    /**
     * Appends one entry, timestamped now to the millisecond, in the caller's transaction (a new one
     * if there is none). The entry is chained to the previous one by its SHA-256 hash.
     */
    void record(AuditRecord record);

    /**
     * The entries matching the query and visible from the given scope, newest first, one page of
     * {@code query.size()} entries plus the count, counted no further than 10,000 entries past the
     * page ({@link AuditPage#totalCapped()}), so that a view does not count the whole trail.
     */
    AuditPage search(AuditQuery query, Scope visibility);

    /**
     * Streams every entry matching the query within the scope, oldest first, for exports: read from
     * the database 1,000 rows at a time, so the trail is never held in memory. The query's page and
     * size are ignored.
     */
    void forEach(AuditQuery query, Scope visibility, Consumer<AuditEntry> consumer);

    /**
     * Walks the whole chain and recomputes every hash, one row at a time as the database streams
     * them (constant memory: 1,000,000 events within a 256 MB heap); the answer names the first
     * entry that does not match, if any.
     */
    ChainVerification verify();
}
