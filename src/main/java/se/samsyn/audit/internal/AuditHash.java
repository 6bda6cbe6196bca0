package se.samsyn.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.ChainVerification;

/**
 * The hash of an audit row over its sequence number, its content and the previous row's hash.
 * Every field is written with its length first, so no two different rows share an input. Rows
 * written since issue 12 (point 6) are keyed: HMAC-SHA256 under the {@link AuditKey}
 * ({@value #HMAC_SHA256}); older rows keep their plain SHA-256 ({@value #SHA256}) and stay
 * verifiable, but never after a keyed row (ADR 5).
 */
final class AuditHash {

    /** The algorithm of rows written before keyed hashes: plain SHA-256. */
    static final String SHA256 = "sha256";
    /** The algorithm of new rows: HMAC-SHA256 under the audit key. */
    static final String HMAC_SHA256 = "hmac-sha256";

    private AuditHash() {
    }

    /** The HMAC that vouches for the first keyed row's sequence number in {@code aud_chain_head}. */
    static String keyedFromMac(AuditKey key, long seq) {
        return key.mac("keyed-from|" + seq);
    }

    /** The keyed hash (HMAC-SHA256 under {@code key}, 64 hex digits) of a new row. */
    static String keyed(AuditKey key, long seq, Instant occurredAt, AuditRecord r, String previousHash) {
        String role = r.actorDetails() == null ? null : r.actorDetails().role().name();
        String scopeType = r.actorDetails() == null ? null : r.actorDetails().scope().type().name();
        String scopeCode = r.actorDetails() == null ? null : r.actorDetails().scope().code();
        return key.mac(input(seq, occurredAt, r.actor(), role, scopeType, scopeCode, r.action(), r.category().name(),
                r.outcome().name(), r.objectType(), r.objectId(), r.municipalityCode(), r.countyCode(),
                r.unitCode(), r.details(), r.clientAddress(), previousHash));
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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(input(seq, occurredAt, fields)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The text both algorithms hash: sequence number, time in epoch milliseconds, and each field with its length. */
    static String input(long seq, Instant occurredAt, String... fields) {
        StringBuilder input = new StringBuilder();
        input.append(seq).append('|').append(occurredAt.toEpochMilli()).append('|');
        for (String field : fields) {
            if (field == null) {
                input.append("-|");
            } else {
                input.append(field.length()).append(':').append(field).append('|');
            }
        }
        return input.toString();
    }

    /** A stored row, as read back for verification, with the algorithm that made its hash. */
    public record StoredRow(long seq, Instant occurredAt, String actor, String actorRole, String actorScopeType,
                     String actorScopeCode, String action, String category, String outcome,
                     String objectType, String objectId, String municipalityCode, String countyCode,
                     String unitCode, String details, String clientAddress, String previousHash,
                     String hash, String algorithm) {

        /** A row of the plain SHA-256 algorithm, as written before keyed hashes. */
        public StoredRow(long seq, Instant occurredAt, String actor, String actorRole, String actorScopeType,
                         String actorScopeCode, String action, String category, String outcome,
                         String objectType, String objectId, String municipalityCode, String countyCode,
                         String unitCode, String details, String clientAddress, String previousHash, String hash) {
            this(seq, occurredAt, actor, actorRole, actorScopeType, actorScopeCode, action, category, outcome,
                    objectType, objectId, municipalityCode, countyCode, unitCode, details, clientAddress,
                    previousHash, hash, SHA256);
        }

        /** The plain SHA-256 of the row's content. */
        String recompute() {
            return of(seq, occurredAt, actor, actorRole, actorScopeType, actorScopeCode, action, category,
                    outcome, objectType, objectId, municipalityCode, countyCode, unitCode, details,
                    clientAddress, previousHash);
        }

        /** The row's hash recomputed by its own algorithm; null for an unknown algorithm or a keyed row without a key. */
        String recompute(AuditKey key) {
            if (SHA256.equals(algorithm)) {
                return recompute();
            }
            if (HMAC_SHA256.equals(algorithm) && key != null) {
                return key.mac(input(seq, occurredAt, actor, actorRole, actorScopeType, actorScopeCode, action,
                        category, outcome, objectType, objectId, municipalityCode, countyCode, unitCode, details,
                        clientAddress, previousHash));
            }
            return null;
        }
    }

    /**
     * Checks rows one by one in sequence order and remembers the first break: a gap, a relinked
     * row, an altered row (its hash does not match its content under its algorithm), a plain row
     * after a keyed one ({@code audit.verify.downgraded}), a row whose hash differs from the head
     * exported for its sequence number, or an exported head beyond the end ({@code audit.verify.anchor}).
     */
    public static final class Walk {
        private static final String GENESIS = "0".repeat(64);
        private final AuditKey key;
        private final Long keyedFrom;
        private final boolean keyedFromGenuine;
        private final java.util.Map<Long, String> anchors;
        private boolean keyedSeen;
        private long expectedSeq = 1;
        private String expectedPrevious = GENESIS;
        private long checked;
        private Long brokenAt;
        private String problem;

        /** A walk over plain SHA-256 rows only, with no exported heads to compare. */
        public Walk() {
            this.key = null;
            this.keyedFrom = null;
            this.keyedFromGenuine = true;
            this.anchors = java.util.Map.of();
        }

        /**
         * A walk that checks keyed rows with {@code key}, requires every row from {@code keyedFrom}
         * on to be keyed (null: no keyed row may exist; the marker's {@code keyedFromMac} must be
         * right), and compares each row whose sequence number has an exported head
         * ({@code anchors}: sequence number to hash) with that head.
         */
        Walk(AuditKey key, Long keyedFrom, String keyedFromMac, java.util.Map<Long, String> anchors) {
            this.key = key;
            this.keyedFrom = keyedFrom;
            // the marker is set at every start ({@link AuditChain#markKeyedFrom}), so a missing one was removed
            this.keyedFromGenuine = keyedFrom != null && keyedFromMac(key, keyedFrom).equals(keyedFromMac);
            this.anchors = anchors;
        }

        /** Checks the next row in sequence order. */
        public void accept(StoredRow row) {
            checked++;
            if (brokenAt != null) {
                return;
            }
            boolean keyed = HMAC_SHA256.equals(row.algorithm());
            if (!keyedFromGenuine) {
                fail(keyedFrom == null ? 1 : keyedFrom, "audit.verify.anchor");
            } else if (keyed && (keyedFrom == null || row.seq() < keyedFrom)) {
                fail(row.seq(), "audit.verify.anchor");
            } else if (row.seq() != expectedSeq) {
                fail(expectedSeq, "audit.verify.missing");
            } else if (!row.previousHash().equals(expectedPrevious)) {
                fail(row.seq(), "audit.verify.relinked");
            } else if (!keyed && (keyedSeen || keyedFrom != null && row.seq() >= keyedFrom)) {
                fail(row.seq(), "audit.verify.downgraded");
            } else if (!row.hash().equals(row.recompute(key))) {
                fail(row.seq(), "audit.verify.altered");
            } else if (anchors.containsKey(row.seq()) && !anchors.get(row.seq()).equals(row.hash())) {
                fail(row.seq(), "audit.verify.anchor");
            }
            keyedSeen |= keyed;
            expectedSeq = row.seq() + 1;
            expectedPrevious = row.hash();
        }

        private void fail(long seq, String reason) {
            brokenAt = seq;
            problem = reason;
        }

        /** The verdict after the last row, given the stored head of the chain. */
        public ChainVerification finish(long headSeq, String headHash, Instant now) {
            if (brokenAt == null && !keyedFromGenuine) {
                fail(keyedFrom == null ? 1 : keyedFrom, "audit.verify.anchor");
            }
            if (brokenAt == null && (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrevious))) {
                fail(Math.min(headSeq, expectedSeq), "audit.verify.truncated");
            }
            long lastAnchored = anchors.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            if (brokenAt == null && lastAnchored > expectedSeq - 1) {
                fail(expectedSeq, "audit.verify.anchor");
            }
            return new ChainVerification(brokenAt == null, checked, brokenAt, problem, now);
        }
    }
}
