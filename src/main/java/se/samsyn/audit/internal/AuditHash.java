package se.samsyn.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.ChainVerification;

/**
 * The hash of an audit row: SHA-256 over its sequence number, its content and the previous row's
 * hash. Every field is written with its length first, so no two different rows share an input.
 */
final class AuditHash {

    private AuditHash() {
    }

    /** The SHA-256 hash (64 lower-case hex digits) of a new row: its sequence number, time, fields and the previous row's hash. */
    public static String of(long seq, Instant occurredAt, AuditRecord r, String previousHash) {
        String role = r.actorDetails() == null ? null : r.actorDetails().role().name();
        String scopeType = r.actorDetails() == null ? null : r.actorDetails().scope().type().name();
        String scopeCode = r.actorDetails() == null ? null : r.actorDetails().scope().code();
        return of(seq, occurredAt, r.actor(), role, scopeType, scopeCode, r.action(), r.category().name(),
                r.outcome().name(), r.objectType(), r.objectId(), r.municipalityCode(), r.countyCode(),
                r.unitCode(), r.details(), r.clientAddress(), previousHash);
    }

    static String of(long seq, Instant occurredAt, String... fields) {
        StringBuilder input = new StringBuilder();
        input.append(seq).append('|').append(occurredAt.toEpochMilli()).append('|');
        for (String field : fields) {
            if (field == null) {
                input.append("-|");
            } else {
                input.append(field.length()).append(':').append(field).append('|');
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(input.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A stored row, as read back for verification. */
    public record StoredRow(long seq, Instant occurredAt, String actor, String actorRole, String actorScopeType,
                     String actorScopeCode, String action, String category, String outcome,
                     String objectType, String objectId, String municipalityCode, String countyCode,
                     String unitCode, String details, String clientAddress, String previousHash,
                     String hash) {

        String recompute() {
            return of(seq, occurredAt, actor, actorRole, actorScopeType, actorScopeCode, action, category,
                    outcome, objectType, objectId, municipalityCode, countyCode, unitCode, details,
                    clientAddress, previousHash);
        }
    }

    /** Checks rows one by one in sequence order and remembers the first break. */
    public static final class Walk {
        private static final String GENESIS = "0".repeat(64);
        private long expectedSeq = 1;
        private String expectedPrevious = GENESIS;
        private long checked;
        private Long brokenAt;
        private String problem;

        /** Checks the next row in sequence order. */
        public void accept(StoredRow row) {
            checked++;
            if (brokenAt != null) {
                return;
            }
            if (row.seq() != expectedSeq) {
                fail(expectedSeq, "audit.verify.missing");
            } else if (!row.previousHash().equals(expectedPrevious)) {
                fail(row.seq(), "audit.verify.relinked");
            } else if (!row.recompute().equals(row.hash())) {
                fail(row.seq(), "audit.verify.altered");
            }
            expectedSeq = row.seq() + 1;
            expectedPrevious = row.hash();
        }

        private void fail(long seq, String reason) {
            brokenAt = seq;
            problem = reason;
        }

        /** The verdict after the last row, given the stored head of the chain. */
        public ChainVerification finish(long headSeq, String headHash, Instant now) {
            if (brokenAt == null && (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrevious))) {
                fail(Math.min(headSeq, expectedSeq), "audit.verify.truncated");
            }
            return new ChainVerification(brokenAt == null, checked, brokenAt, problem, now);
        }
    }
}
