package se.samsyn.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditEntry;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditPage;
import se.samsyn.audit.AuditQuery;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.audit.ChainVerification;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** The audit trail on both databases: appends chain correctly, and tampering is detected. */
abstract class AuditTrailTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditEventRepository events;

    @Autowired
    AuditKey key;

    @Autowired
    AuditAnchors anchors;

    long first;

    @BeforeEach
    void appendThreeEvents() {
        Actor admin = new Actor("anna", Role.ADMINISTRATOR, Scope.municipality("1280"));
        first = jdbc.sql("SELECT last_seq FROM aud_chain_head").query(Long.class).single() + 1;
        trail.record(AuditRecord.of("USER_CREATED", AuditCategory.SECURITY).actor(admin)
                .object("user", "7").municipality("1280").county("12").details("username=bertil").build());
        trail.record(AuditRecord.of("LOGIN_FAILED", AuditCategory.SECURITY).actorName("unknown")
                .outcome(AuditOutcome.FAILURE).build());
        trail.record(AuditRecord.of("UNIT_CREATED", AuditCategory.ADMINISTRATION).actor(admin)
                .municipality("1281").county("12").unit("1281-X").build());
    }

    @Test
    void thePageCountsNoFurtherThanItsLimitAndSaysSo() {
        long events = jdbc.sql("SELECT COUNT(*) FROM aud_event").query(Long.class).single();
        // counting stops 1 entry past a page of 2: the total is 3 and marked as a lower bound
        AuditTrail shortCount = new AuditChain(this.events, key, anchors, Clock.systemUTC(), 1);
        AuditPage capped = shortCount.search(new AuditQuery(null, null, null, null, null, null, 0, 2), Scope.nation());
        assertThat(capped.entries()).extracting(AuditEntry::seq).containsExactly(first + 2, first + 1);
        assertThat(capped.total()).isEqualTo(events > 3 ? 3 : events);
        assertThat(capped.totalCapped()).isEqualTo(events > 3);
        assertThat(capped.hasNext()).isTrue();
        // within the limit the total is exact: only this test's events of actor anna in 1281
        AuditPage exact = shortCount.search(new AuditQuery(null, null, "anna", "UNIT_CREATED", null, "1281", 0, 2),
                Scope.region("12"));
        long expected = jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE actor = 'anna' AND action = 'UNIT_CREATED'")
                .query(Long.class).single();
        assertThat(exact.total()).isEqualTo(Math.min(expected, 3));
        assertThat(exact.totalCapped()).isEqualTo(expected > 3);
        AuditPage none = shortCount.search(new AuditQuery(null, null, null, "NO_SUCH_ACTION", null, null, 0, 2),
                Scope.nation());
        assertThat(none.entries()).isEmpty();
        assertThat(none.total()).isZero();
        assertThat(none.totalCapped()).isFalse();
        assertThat(none.hasNext()).isFalse();
    }

    @Test
    void streamsTheMatchingEntriesOldestFirst() {
        List<Long> seqs = new java.util.ArrayList<>();
        trail.forEach(new AuditQuery(null, null, null, null, AuditCategory.SECURITY, null, 0, 50), Scope.nation(),
                e -> seqs.add(e.seq()));
        assertThat(seqs).containsSubsequence(first, first + 1).doesNotContain(first + 2);
        assertThat(seqs).isSorted();
    }

    @Test
    void anUntouchedChainVerifies() {
        ChainVerification result = trail.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.checkedEntries()).isEqualTo(first + 2);
        assertThat(result.firstBrokenSeq()).isNull();
    }

    @Test
    void detectsAnEditedRowAndNamesIt() {
        String original = jdbc.sql("SELECT details FROM aud_event WHERE seq = :seq").param("seq", first)
                .query(String.class).single();
        jdbc.sql("UPDATE aud_event SET details = 'username=someone-else' WHERE seq = :seq").param("seq", first).update();
        try {
            ChainVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(first);
            assertThat(result.problem()).isEqualTo("audit.verify.altered");
        } finally {
            jdbc.sql("UPDATE aud_event SET details = :d WHERE seq = :seq").param("d", original).param("seq", first).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void detectsADeletedRow() {
        var row = jdbc.sql("SELECT * FROM aud_event WHERE seq = :seq").param("seq", first + 1).query().singleRow();
        jdbc.sql("DELETE FROM aud_event WHERE seq = :seq").param("seq", first + 1).update();
        try {
            ChainVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(first + 1);
            assertThat(result.problem()).isEqualTo("audit.verify.missing");
        } finally {
            var insert = jdbc.sql("""
                    INSERT INTO aud_event (seq, occurred_at, actor, actor_role, actor_scope_type, actor_scope_code,
                        action, category, outcome, object_type, object_id, municipality_code, county_code, unit_code,
                        details, client_address, previous_hash, hash, hash_algorithm)
                    VALUES (:seq, :occurred_at, :actor, :actor_role, :actor_scope_type, :actor_scope_code, :action,
                        :category, :outcome, :object_type, :object_id, :municipality_code, :county_code, :unit_code,
                        :details, :client_address, :previous_hash, :hash, :hash_algorithm)""");
            for (var e : row.entrySet()) {
                insert = insert.param(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue());
            }
            insert.update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void detectsRemovalOfTheNewestRows() {
        long last = first + 2;
        var row = jdbc.sql("SELECT hash FROM aud_event WHERE seq = :seq").param("seq", last).query(String.class).single();
        jdbc.sql("UPDATE aud_chain_head SET last_seq = last_seq + 1").update();
        try {
            ChainVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).isEqualTo("audit.verify.truncated");
        } finally {
            jdbc.sql("UPDATE aud_chain_head SET last_seq = :seq, last_hash = :hash").param("seq", last).param("hash", row).update();
        }
    }

    @Test
    void findsAnEventUnderItsSwedishDayNotItsUtcDay() {
        // 23:30 UTC on 1 March 2026 is 00:30 on 2 March in Stockholm (CET, UTC+1), the day pages show.
        AuditTrail lateEvening = new AuditChain(events, key, anchors, Clock.fixed(Instant.parse("2026-03-01T23:30:00Z"), ZoneOffset.UTC), 10_000);
        lateEvening.record(AuditRecord.of("DAY_BOUNDARY_PROBE", AuditCategory.ADMINISTRATION).actorName("dagmar").build());

        List<AuditEntry> onTheSecond = trail.search(new AuditQuery(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
                "dagmar", null, null, null, 0, 500), Scope.nation()).entries();
        List<AuditEntry> onTheFirst = trail.search(new AuditQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1),
                "dagmar", null, null, null, 0, 500), Scope.nation()).entries();
        List<AuditEntry> fromTheSecond = trail.search(new AuditQuery(LocalDate.of(2026, 3, 2), null,
                "dagmar", null, null, null, 0, 500), Scope.nation()).entries();
        List<AuditEntry> untilTheFirst = trail.search(new AuditQuery(null, LocalDate.of(2026, 3, 1),
                "dagmar", null, null, null, 0, 500), Scope.nation()).entries();

        assertThat(onTheSecond).extracting(AuditEntry::action).containsExactly("DAY_BOUNDARY_PROBE");
        assertThat(onTheSecond.get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-01T23:30:00Z"));
        assertThat(onTheFirst).isEmpty();
        assertThat(fromTheSecond).extracting(AuditEntry::action).containsExactly("DAY_BOUNDARY_PROBE");
        assertThat(untilTheFirst).isEmpty();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void searchesOnlyWithinTheViewersScope() {
        AuditQuery all = new AuditQuery(null, null, null, null, null, null, 0, 500);
        List<String> inMalmo = trail.search(all, Scope.municipality("1280")).entries().stream()
                .map(AuditEntry::action).toList();
        assertThat(inMalmo).contains("USER_CREATED").doesNotContain("UNIT_CREATED", "LOGIN_FAILED");
        List<String> inSkane = trail.search(all, Scope.region("12")).entries().stream().map(AuditEntry::action).toList();
        assertThat(inSkane).contains("USER_CREATED", "UNIT_CREATED").doesNotContain("LOGIN_FAILED");
        AuditPage byActor = trail.search(new AuditQuery(null, null, "anna", null, null, null, 0, 500), Scope.nation());
        assertThat(byActor.entries()).allMatch(e -> e.actor().equals("anna"));
        assertThat(byActor.total()).isGreaterThanOrEqualTo(2);
    }

    /**
     * Issue 12 point 6, the rewrite test: an attacker with write access to the database but not the
     * key alters a row and recomputes every later hash and the head with plain SHA-256 (the only
     * hash they can compute); verification names the altered row.
     */
    @Test
    void aChainRecomputedWithoutTheKeyIsReported() {
        Rewrite rewrite = new Rewrite(first);
        try {
            rewrite.apply(row -> row.recompute(), AuditHash.SHA256);
            ChainVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(first);
            assertThat(result.problem()).isEqualTo("audit.verify.downgraded");

            // removing the first-keyed-row marker as well does not help
            jdbc.sql("UPDATE aud_chain_head SET keyed_from = NULL, keyed_from_mac = NULL").update();
            assertThat(trail.verify().problem()).isEqualTo("audit.verify.anchor");
            rewrite.restoreMarker();

            // nor does a key of their own
            AuditKey guessed = new AuditKey(new byte[32]);
            rewrite.apply(row -> row.recompute(guessed), AuditHash.HMAC_SHA256);
            assertThat(trail.verify().problem()).isEqualTo("audit.verify.altered");
            assertThat(trail.verify().firstBrokenSeq()).isEqualTo(first);
        } finally {
            rewrite.undo();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    /**
     * Someone who also holds the key recomputes the chain after an edit: the head exported to the
     * anchor file before the edit no longer matches, and verification says so.
     */
    @Test
    void aChainRecomputedWithTheKeyStillDisagreesWithTheExportedHead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        java.nio.file.Path file = folder.resolve("audit-anchors.log");
        AuditAnchors exported = new AuditAnchors(events, key, Clock.systemUTC(), file.toString());
        AuditTrail anchored = new AuditChain(events, key, exported, Clock.systemUTC(), 10_000);
        exported.export();
        long head = jdbc.sql("SELECT last_seq FROM aud_chain_head").query(Long.class).single();
        assertThat(java.nio.file.Files.readAllLines(file)).singleElement().asString()
                .matches("\\S+ seq=" + head + " hash=[0-9a-f]{64} mac=[0-9a-f]{64}");
        assertThat(anchored.verify().intact()).isTrue();

        Rewrite rewrite = new Rewrite(first);
        try {
            rewrite.apply(row -> row.recompute(key), AuditHash.HMAC_SHA256);
            assertThat(trail.verify().intact()).as("without the exported head").isTrue();
            ChainVerification result = anchored.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(head);
            assertThat(result.problem()).isEqualTo("audit.verify.anchor");

            // a forged line in the anchor file is noticed too: its mac needs the key
            java.nio.file.Files.writeString(file, "2026-01-01T00:00:00Z seq=" + head + " hash="
                    + rewrite.newHead() + " mac=" + "0".repeat(64) + "\n");
            assertThat(anchored.verify().problem()).isEqualTo("audit.verify.anchor");
        } finally {
            rewrite.undo();
        }
    }

    /** Alters the details of row {@code from}, then recomputes it and every later row and the head. */
    final class Rewrite {
        private final long from;
        private final List<AuditHash.StoredRow> originals = new java.util.ArrayList<>();
        private final java.util.Map<String, Object> originalHead;
        private String newHead;

        Rewrite(long from) {
            this.from = from;
            events.streamForVerification(row -> {
                if (row.seq() >= from) {
                    originals.add(row);
                }
            });
            originalHead = jdbc.sql("SELECT last_seq, last_hash, keyed_from, keyed_from_mac FROM aud_chain_head")
                    .query().singleRow();
        }

        void apply(java.util.function.Function<AuditHash.StoredRow, String> hasher, String algorithm) {
            String previous = jdbc.sql("SELECT previous_hash FROM aud_event WHERE seq = :seq").param("seq", from)
                    .query(String.class).single();
            for (AuditHash.StoredRow o : originals) {
                String details = o.seq() == from ? "username=forged" : o.details();
                AuditHash.StoredRow changed = new AuditHash.StoredRow(o.seq(), o.occurredAt(), o.actor(),
                        o.actorRole(), o.actorScopeType(), o.actorScopeCode(), o.action(), o.category(), o.outcome(),
                        o.objectType(), o.objectId(), o.municipalityCode(), o.countyCode(), o.unitCode(), details,
                        o.clientAddress(), previous, null, algorithm);
                String hash = hasher.apply(changed);
                jdbc.sql("UPDATE aud_event SET details = :d, previous_hash = :p, hash = :h, hash_algorithm = :a "
                        + "WHERE seq = :seq").param("d", details).param("p", previous).param("h", hash)
                        .param("a", algorithm).param("seq", o.seq()).update();
                previous = hash;
            }
            newHead = previous;
            jdbc.sql("UPDATE aud_chain_head SET last_hash = :h").param("h", previous).update();
        }

        String newHead() {
            return newHead;
        }

        void restoreMarker() {
            jdbc.sql("UPDATE aud_chain_head SET keyed_from = :k, keyed_from_mac = :m")
                    .param("k", originalHead.get("keyed_from")).param("m", originalHead.get("keyed_from_mac")).update();
        }

        void undo() {
            for (AuditHash.StoredRow o : originals) {
                jdbc.sql("UPDATE aud_event SET details = :d, previous_hash = :p, hash = :h, hash_algorithm = :a "
                        + "WHERE seq = :seq").param("d", o.details()).param("p", o.previousHash()).param("h", o.hash())
                        .param("a", o.algorithm()).param("seq", o.seq()).update();
            }
            jdbc.sql("UPDATE aud_chain_head SET last_hash = :h").param("h", originalHead.get("last_hash")).update();
            restoreMarker();
        }
    }
}
