package se.samsyn.audit.internal;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.ChainVerification;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import static org.assertj.core.api.Assertions.assertThat;

class AuditHashTests {

    private static final String GENESIS = "0".repeat(64);
    private static final Instant AT = Instant.parse("2025-03-01T10:15:30.123Z");
    private static final Instant NOW = Instant.parse("2025-03-02T08:00:00Z");

    private static final AuditRecord RECORD = new AuditRecord("admin.malmo",
            new Actor("admin.malmo", Role.ADMINISTRATOR, Scope.municipality("1280")),
            "account.create", AuditCategory.SECURITY, AuditOutcome.SUCCESS, "account", "anna.svensson",
            "1280", "12", null, "role=CASE_WORKER", "10.0.0.1");

    @Test
    void hashIsDeterministicAndSixtyFourLowercaseHexCharacters() {
        String first = AuditHash.of(1, AT, RECORD, GENESIS);
        String second = AuditHash.of(1, AT, RECORD, GENESIS);
        assertThat(first).isEqualTo(second).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void recordHashEqualsHashOfItsFieldsInStoredOrder() {
        StoredRowBuilder row = new StoredRowBuilder(1, GENESIS);
        row.occurredAt = AT;
        row.actor = "admin.malmo";
        row.actorRole = "ADMINISTRATOR";
        row.actorScopeType = "MUNICIPALITY";
        row.actorScopeCode = "1280";
        row.action = "account.create";
        row.category = "SECURITY";
        row.outcome = "SUCCESS";
        row.objectType = "account";
        row.objectId = "anna.svensson";
        row.municipalityCode = "1280";
        row.countyCode = "12";
        row.unitCode = null;
        row.details = "role=CASE_WORKER";
        row.clientAddress = "10.0.0.1";
        assertThat(row.build().recompute()).isEqualTo(AuditHash.of(1, AT, RECORD, GENESIS));
    }

    @Test
    void hashChangesWhenAnyFieldChanges() {
        String[] fields = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o"};
        String base = AuditHash.of(1, AT, fields);
        for (int i = 0; i < fields.length; i++) {
            String[] changed = fields.clone();
            changed[i] = changed[i] + "x";
            assertThat(AuditHash.of(1, AT, changed)).as("field %d changed", i).isNotEqualTo(base);
        }
        assertThat(AuditHash.of(2, AT, fields)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, AT.plusMillis(1), fields)).isNotEqualTo(base);
    }

    @Test
    void hashChangesWhenThePreviousHashChanges() {
        assertThat(AuditHash.of(2, AT, RECORD, "a".repeat(64)))
                .isNotEqualTo(AuditHash.of(2, AT, RECORD, "b".repeat(64)));
    }

    @Test
    void nullAndEmptyFieldsHashDifferently() {
        assertThat(AuditHash.of(1, AT, "x", null, "y")).isNotEqualTo(AuditHash.of(1, AT, "x", "", "y"));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertThat(AuditHash.of(1, AT, "ab", "c")).isNotEqualTo(AuditHash.of(1, AT, "a", "bc"));
        assertThat(AuditHash.of(1, AT, "a|b", "c")).isNotEqualTo(AuditHash.of(1, AT, "a", "b|c"));
    }

    @Test
    void walkReportsAnIntactChain() {
        AuditHash.StoredRow[] chain = chain(3);
        AuditHash.Walk walk = new AuditHash.Walk();
        for (AuditHash.StoredRow row : chain) {
            walk.accept(row);
        }
        assertThat(walk.finish(3, chain[2].hash(), NOW))
                .isEqualTo(new ChainVerification(true, 3, null, null, NOW));
    }

    @Test
    void walkReportsARowAlteredAfterHashing() {
        AuditHash.StoredRow[] chain = chain(3);
        AuditHash.StoredRow original = chain[1];
        chain[1] = new AuditHash.StoredRow(original.seq(), original.occurredAt(), original.actor(),
                original.actorRole(), original.actorScopeType(), original.actorScopeCode(), original.action(),
                original.category(), original.outcome(), original.objectType(), original.objectId(),
                original.municipalityCode(), original.countyCode(), original.unitCode(), "role=ADMINISTRATOR",
                original.clientAddress(), original.previousHash(), original.hash());
        AuditHash.Walk walk = new AuditHash.Walk();
        for (AuditHash.StoredRow row : chain) {
            walk.accept(row);
        }
        assertThat(walk.finish(3, chain[2].hash(), NOW))
                .isEqualTo(new ChainVerification(false, 3, 2L, "audit.verify.altered", NOW));
    }

    @Test
    void walkReportsAMissingRow() {
        AuditHash.StoredRow[] chain = chain(3);
        AuditHash.Walk walk = new AuditHash.Walk();
        walk.accept(chain[0]);
        walk.accept(chain[2]);
        assertThat(walk.finish(3, chain[2].hash(), NOW))
                .isEqualTo(new ChainVerification(false, 2, 2L, "audit.verify.missing", NOW));
    }

    @Test
    void walkReportsARelinkedRow() {
        AuditHash.StoredRow[] chain = chain(3);
        StoredRowBuilder forged = new StoredRowBuilder(2, "f".repeat(64));
        AuditHash.Walk walk = new AuditHash.Walk();
        walk.accept(chain[0]);
        walk.accept(forged.build());
        walk.accept(chain[2]);
        assertThat(walk.finish(3, chain[2].hash(), NOW))
                .isEqualTo(new ChainVerification(false, 3, 2L, "audit.verify.relinked", NOW));
    }

    @Test
    void walkReportsATruncatedChainWhenTheHeadIsAhead() {
        AuditHash.StoredRow[] chain = chain(3);
        AuditHash.Walk walk = new AuditHash.Walk();
        walk.accept(chain[0]);
        walk.accept(chain[1]);
        assertThat(walk.finish(3, chain[2].hash(), NOW))
                .isEqualTo(new ChainVerification(false, 2, 3L, "audit.verify.truncated", NOW));
    }

    private static AuditHash.StoredRow[] chain(int length) {
        AuditHash.StoredRow[] rows = new AuditHash.StoredRow[length];
        String previous = GENESIS;
        for (int i = 0; i < length; i++) {
            StoredRowBuilder builder = new StoredRowBuilder(i + 1, previous);
            rows[i] = builder.build();
            previous = rows[i].hash();
        }
        return rows;
    }

    private static final class StoredRowBuilder {
        final long seq;
        final String previousHash;
        Instant occurredAt;
        String actor = "admin.malmo";
        String actorRole = "ADMINISTRATOR";
        String actorScopeType = "MUNICIPALITY";
        String actorScopeCode = "1280";
        String action = "account.create";
        String category = "SECURITY";
        String outcome = "SUCCESS";
        String objectType = "account";
        String objectId;
        String municipalityCode = "1280";
        String countyCode = "12";
        String unitCode = "1280-IFO-BU";
        String details = "role=CASE_WORKER";
        String clientAddress = "10.0.0.1";

        StoredRowBuilder(long seq, String previousHash) {
            this.seq = seq;
            this.occurredAt = AT.plusSeconds(seq);
            this.previousHash = previousHash;
            this.objectId = "user" + seq;
        }

        AuditHash.StoredRow build() {
            String hash = AuditHash.of(seq, occurredAt, actor, actorRole, actorScopeType, actorScopeCode, action,
                    category, outcome, objectType, objectId, municipalityCode, countyCode, unitCode, details,
                    clientAddress, previousHash);
            return new AuditHash.StoredRow(seq, occurredAt, actor, actorRole, actorScopeType, actorScopeCode,
                    action, category, outcome, objectType, objectId, municipalityCode, countyCode, unitCode,
                    details, clientAddress, previousHash, hash);
        }
    }
}
