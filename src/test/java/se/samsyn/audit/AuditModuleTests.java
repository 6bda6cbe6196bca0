package se.samsyn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import se.samsyn.ModuleTestClock;
import se.samsyn.TestDatabases;
import se.samsyn.shared.Scope;

/**
 * The audit module started on its own (it depends on shared only): an event recorded through
 * the published {@link AuditTrail} is found by a search within its municipality, not from another
 * one, and the chain over it verifies.
 */
@ApplicationModuleTest
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data",
        // the readiness group names the cluster module's databaseWrite check, which is not started here
        "management.endpoint.health.group.readiness.include=readinessState,db"})
@Import(ModuleTestClock.class)
class AuditModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "audit_module");
    }

    @Autowired
    AuditTrail trail;

    @Test
    void anEventIsRecordedFoundInItsScopeAndChained() {
        trail.record(AuditRecord.of("MODULE_TEST", AuditCategory.ADMINISTRATION).actorName("modultest")
                .object("unit", "U-MOD-1").municipality("1880").county("18").details("modul").build());

        AuditQuery query = new AuditQuery(null, null, "modultest", null, AuditCategory.ADMINISTRATION, null, 0, 10);
        AuditPage page = trail.search(query, Scope.municipality("1880"));
        assertThat(page.total()).isEqualTo(1);
        AuditEntry entry = page.entries().get(0);
        assertThat(List.of(entry.actor(), entry.action(), entry.objectType(), entry.objectId(),
                entry.municipalityCode(), entry.countyCode(), entry.details()))
                .containsExactly("modultest", "MODULE_TEST", "unit", "U-MOD-1", "1880", "18", "modul");
        assertThat(entry.category()).isEqualTo(AuditCategory.ADMINISTRATION);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(trail.search(query, Scope.municipality("1280")).total()).isZero();

        ChainVerification verification = trail.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.firstBrokenSeq()).isNull();
        assertThat(verification.checkedEntries()).isEqualTo(1);
    }
}
