package se.samsyn.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samsyn.audit.ChainVerification;

/**
 * The migration path of issue 12 point 6 on a small fixture: rows written before keyed hashes
 * (plain SHA-256) keep verifying, every row from the marker on must be keyed, and the marker
 * cannot be moved without the key.
 */
class AuditKeyedHashTests {

    static final Instant AT = Instant.parse("2026-01-15T10:00:00Z");
    static final AuditKey KEY = new AuditKey("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void oldPlainRowsThenKeyedRowsVerify() {
        AuditHash.StoredRow[] rows = chain(4, 3);
        assertThat(walk(rows, 3L, AuditHash.keyedFromMac(KEY, 3)).intact()).isTrue();
    }

    @Test
    void aPlainRowAfterTheMarkerIsADowngrade() {
        AuditHash.StoredRow[] rows = chain(4, 5);
        ChainVerification result = walk(rows, 3L, AuditHash.keyedFromMac(KEY, 3));
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo("audit.verify.downgraded");
    }

    @Test
    void aMarkerMovedOrRemovedIsReported() {
        AuditHash.StoredRow[] rows = chain(4, 5);
        ChainVerification moved = walk(rows, 5L, AuditHash.keyedFromMac(new AuditKey(new byte[32]), 5));
        assertThat(moved.problem()).isEqualTo("audit.verify.anchor");
        assertThat(moved.firstBrokenSeq()).isEqualTo(5);
        assertThat(walk(rows, null, null).problem()).isEqualTo("audit.verify.anchor");
    }

    @Test
    void aKeyedRowNeedsTheRightKey() {
        AuditHash.StoredRow[] rows = chain(4, 3);
        AuditHash.Walk walk = new AuditHash.Walk(new AuditKey(new byte[32]), 3L, AuditHash.keyedFromMac(
                new AuditKey(new byte[32]), 3), Map.of());
        for (AuditHash.StoredRow row : rows) {
            walk.accept(row);
        }
        ChainVerification result = walk.finish(4, rows[3].hash(), AT);
        assertThat(result.problem()).isEqualTo("audit.verify.altered");
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
    }

    private static ChainVerification walk(AuditHash.StoredRow[] rows, Long keyedFrom, String mac) {
        AuditHash.Walk walk = new AuditHash.Walk(KEY, keyedFrom, mac, Map.of());
        for (AuditHash.StoredRow row : rows) {
            walk.accept(row);
        }
        return walk.finish(rows.length, rows[rows.length - 1].hash(), AT);
    }

    /** {@code length} rows; those from {@code keyedFrom} on keyed under {@link #KEY}, the others plain. */
    private static AuditHash.StoredRow[] chain(int length, long keyedFrom) {
        AuditHash.StoredRow[] rows = new AuditHash.StoredRow[length];
        String previous = "0".repeat(64);
        for (int i = 0; i < length; i++) {
            long seq = i + 1;
            boolean keyed = seq >= keyedFrom;
            AuditHash.StoredRow unhashed = new AuditHash.StoredRow(seq, AT.plusSeconds(seq), "anna", null, null, null,
                    "LOGIN_SUCCEEDED", "SECURITY", "SUCCESS", null, null, "1280", "12", null, "row " + seq, null,
                    previous, null, keyed ? AuditHash.HMAC_SHA256 : AuditHash.SHA256);
            String hash = unhashed.recompute(KEY);
            rows[i] = new AuditHash.StoredRow(seq, unhashed.occurredAt(), "anna", null, null, null, "LOGIN_SUCCEEDED",
                    "SECURITY", "SUCCESS", null, null, "1280", "12", null, "row " + seq, null, previous, hash,
                    unhashed.algorithm());
            previous = hash;
        }
        return rows;
    }
}
