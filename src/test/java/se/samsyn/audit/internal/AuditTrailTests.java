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
                        details, client_address, previous_hash, hash)
                    VALUES (:seq, :occurred_at, :actor, :actor_role, :actor_scope_type, :actor_scope_code, :action,
                        :category, :outcome, :object_type, :object_id, :municipality_code, :county_code, :unit_code,
                        :details, :client_address, :previous_hash, :hash)""");
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
        AuditTrail lateEvening = new AuditChain(events, Clock.fixed(Instant.parse("2026-03-01T23:30:00Z"), ZoneOffset.UTC));
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
}
