package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import se.samsyn.TestDatabases;
import se.samsyn.audit.AuditTrail;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.KnowledgeReferences;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Follow-up started on its own (Spring Modulith, standalone): only its own beans, the modules it
 * depends on mocked. It reads its seeded catalogue, answers the knowledge guide's "where used",
 * keeps the pseudonym key's fingerprint, and refuses a mistyped personal identity number before
 * anything is stored or audited.
 */
@ApplicationModuleTest
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data",
        "management.endpoint.health.validate-group-membership=false"})
class FollowupModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "followup-module");
    }

    /** The platform's clock, fixed. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    @MockitoBean
    Organisation organisation;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    ClusterLocks locks;
    @MockitoBean
    se.samsyn.cluster.ChangeSignals signals;
    @MockitoBean
    GuideEntries guide;
    @MockitoBean
    ImportPipeline pipeline;
    @MockitoBean
    se.samsyn.imports.HeldUploads heldUploads;

    @Autowired
    Catalogue catalogue;
    @Autowired
    KnowledgeReferences references;
    @Autowired
    ClientRecords records;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeededCatalogueIsRead() {
        Instrument who5 = catalogue.instrument("who5").orElseThrow();

        assertThat(who5.nameEn()).isEqualTo("WHO-5 Well-Being Index");
        assertThat(who5.scoring()).isEqualTo(ScoringRule.SUM);
        assertThat(who5.multiplier()).isEqualTo(4.0);
        assertThat(who5.items()).hasSize(5);
        assertThat(catalogue.interventions()).extracting(InterventionType::code).contains("MI", "CRA");
    }

    @Test
    void theGuideLearnsWhichInterventionLinksToAnEntry() {
        assertThat(references.referencesTo("motiverande-samtal")).containsExactly(new KnowledgeReference(
                "followup-intervention", "Motiverande samtal (MI)", "/followup/catalogue#intervention-MI", null));
        assertThat(references.referencesTo("no-such-entry")).isEmpty();
    }

    @Test
    void thePseudonymKeysFingerprintIsKept() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_pseudonym_key").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMistypedNumberIsRefusedBeforeAnythingIsStored() {
        when(organisation.unit("1880-MOD")).thenReturn(Optional.of(
                new Unit("1880", "1880-MOD", "Modulenheten", Set.of(FocusArea.SUBSTANCE_USE), true)));
        when(organisation.countyOf(any())).thenReturn(Optional.of("18"));
        Actor worker = new Actor("module-worker", Role.CASE_WORKER, Scope.unit("1880-MOD"));
        String valid = "198112189876";

        FollowupRejected rejected = catchThrowableOfType(FollowupRejected.class,
                () -> records.lookup(worker, valid.substring(0, 11) + "7"));

        assertThat(rejected.field()).isEqualTo("personnummer");
        assertThat(rejected.messageKey()).isEqualTo("followup.pnr.checksum");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_client").query(Integer.class).single()).isZero();
        verifyNoInteractions(audit);
    }
}
