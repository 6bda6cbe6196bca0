package se.samsyn.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.internal.AuditHash;
import se.samsyn.shared.Scope;

/**
 * The audit trail. Appending joins the caller's transaction, so individual-level data and its
 * audit row are written together or not at all. Searching is limited to the viewer's scope.
 */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        // Millisecond precision survives every database round trip unchanged, which the hash needs.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEventRepository.ChainHead head = events.lockHead();
        long seq = head.lastSeq() + 1;
        String hash = AuditHash.of(seq, now, record, head.lastHash());
        events.insert(seq, now, record, head.lastHash(), hash);
        events.moveHead(seq, hash);
    }

    /** Searches the entries visible from the given scope, newest first. */
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query, Scope visibility) {
        return new AuditPage(events.find(query, visibility), events.count(query, visibility),
                query.page(), query.size());
    }

    /** Streams every entry matching the query within the scope, oldest first, for exports. */
    @Transactional(readOnly = true)
    public void forEach(AuditQuery query, Scope visibility, Consumer<AuditEntry> consumer) {
        events.stream(query, visibility, consumer);
    }

    /** Walks the whole chain and recomputes every hash. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AuditHash.Walk walk = new AuditHash.Walk();
        events.streamForVerification(walk);
        AuditEventRepository.ChainHead head = events.readHead();
        return walk.finish(head.lastSeq(), head.lastHash(), clock.instant());
    }
}
