package se.samsyn.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditEntry;
import se.samsyn.audit.AuditPage;
import se.samsyn.audit.AuditQuery;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.audit.ChainVerification;
import se.samsyn.shared.Scope;

/**
 * The audit trail as a hash chain in {@code aud_event}: each row's SHA-256 covers its content and
 * the previous row's hash ({@link AuditHash}); {@code aud_chain_head} is locked while appending, so
 * sequence numbers have no gaps and no two rows share a predecessor.
 */
@Service
class AuditChain implements AuditTrail {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditChain(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
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

    @Override
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query, Scope visibility) {
        return new AuditPage(events.find(query, visibility), events.count(query, visibility),
                query.page(), query.size());
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(AuditQuery query, Scope visibility, Consumer<AuditEntry> consumer) {
        events.stream(query, visibility, consumer);
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AuditHash.Walk walk = new AuditHash.Walk();
        events.streamForVerification(walk);
        AuditEventRepository.ChainHead head = events.readHead();
        return walk.finish(head.lastSeq(), head.lastHash(), clock.instant());
    }
}
