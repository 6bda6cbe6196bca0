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
 * The audit trail as a hash chain in {@code aud_event}: each row's keyed hash (HMAC-SHA256 under the
 * {@link AuditKey}, kept outside the database) covers its content and the previous row's hash
 * ({@link AuditHash}); {@code aud_chain_head} is locked while appending, so sequence numbers have no
 * gaps and no two rows share a predecessor. Verification also compares the chain with the heads
 * exported to the anchor file ({@link AuditAnchors}). ADR 5.
 */
@Service
@org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization
class AuditChain implements AuditTrail, org.springframework.beans.factory.InitializingBean {

    private final AuditEventRepository events;
    private final AuditKey key;
    private final AuditAnchors anchors;
    private final Clock clock;
    private final long countAhead;

    AuditChain(AuditEventRepository events, AuditKey key, AuditAnchors anchors, Clock clock,
               @org.springframework.beans.factory.annotation.Value("${samsyn.audit.count-ahead:10000}") long countAhead) {
        this.events = events;
        this.key = key;
        this.anchors = anchors;
        this.clock = clock;
        this.countAhead = countAhead;
    }

    /**
     * Sets the first-keyed-row marker at start-up if the chain has none yet (a new database, or the
     * first start after V120): every row from the next one on must be keyed, so verification reports
     * a chain without the marker, or rewritten with plain hashes, as broken.
     */
    @Override
    public void afterPropertiesSet() {
        for (int attempt = 0; attempt < 3; attempt++) {
            AuditEventRepository.ChainHead head = events.readHead();
            if (head.keyedFrom() != null) {
                return;
            }
            events.markKeyedFrom(head.lastSeq(), head.lastSeq() + 1, AuditHash.keyedFromMac(key, head.lastSeq() + 1));
        }
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        // Millisecond precision survives every database round trip unchanged, which the hash needs.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEventRepository.ChainHead head = events.lockHead();
        long seq = head.lastSeq() + 1;
        if (head.keyedFrom() == null) {
            events.markKeyedFrom(head.lastSeq(), seq, AuditHash.keyedFromMac(key, seq));
        }
        String hash = AuditHash.keyed(key, seq, now, record, head.lastHash());
        events.insert(seq, now, record, head.lastHash(), hash, AuditHash.HMAC_SHA256);
        events.moveHead(seq, hash);
    }

    @Override
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query, Scope visibility) {
        // count no further than countAhead rows past the page, so a view never counts the whole trail
        long limit = (long) (query.page() + 1) * query.size() + countAhead;
        long counted = events.countUpTo(query, visibility, limit + 1);
        return new AuditPage(events.find(query, visibility), Math.min(counted, limit),
                query.page(), query.size(), counted > limit);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(AuditQuery query, Scope visibility, Consumer<AuditEntry> consumer) {
        events.stream(query, visibility, consumer);
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AuditEventRepository.ChainHead head = events.readHead();
        AuditHash.Walk walk = new AuditHash.Walk(key, head.keyedFrom(), head.keyedFromMac(), anchors.heads());
        events.streamForVerification(walk::accept);
        head = events.readHead();
        return walk.finish(head.lastSeq(), head.lastHash(), clock.instant());
    }
}
