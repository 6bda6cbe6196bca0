package se.samsyn.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import se.samsyn.TestDatabases;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Priority setting on its own (Spring Modulith bootstraps this module only; organisation,
 * follow-up, prevention, the knowledge guide and audit are mocked at the module boundary): a process is created, goes out for
 * consultation, and a publishing without pairs is refused by the process's lifecycle.
 */
@ApplicationModuleTest
class PriorityModuleTests {

    static final Actor NATIONAL = new Actor("module-national", Role.NATIONAL_ANALYST, Scope.nation());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "priority-module");
        // the readiness group names platform and cluster health contributors, which this module test does not start
        registry.add("management.endpoint.health.validate-group-membership", () -> "false");
        registry.add("samsyn.demo", () -> "off");
    }

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-04-01T08:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    PriorityProcesses processes;

    @MockitoBean
    Organisation organisation;

    @MockitoBean
    Catalogue catalogue;

    @MockitoBean
    OutcomeReports outcomes;

    @MockitoBean
    se.samsyn.followup.PracticeOutcomes practiceOutcomes;

    @MockitoBean
    AuditTrail audit;

    @MockitoBean
    se.samsyn.prevention.ActivityCatalogue activityKinds;

    @MockitoBean
    se.samsyn.prevention.PreventionFigures prevention;

    @MockitoBean
    se.samsyn.knowledge.GuideEntries guide;

    @Test
    void aProcessMovesThroughItsLifecycleInsideTheModule() {
        when(organisation.exists(any())).thenReturn(true);
        when(organisation.covers(any(), any())).thenReturn(true);
        assertThat(processes.publishedLists()).isEmpty();
        PriorityProcess created = processes.create(NATIONAL, new ProcessDraft("Nationell lista", Scope.nation(),
                List.of("substance-use"), "Syfte", null, PriorityMode.SOCIAL_SERVICES, null,
                new CostBands("kr", List.of(10L, 20L, 30L))));
        assertThat(created.status()).isEqualTo(ProcessStatus.DRAFT);
        assertThat(created.createdBy()).isEqualTo("module-national");
        PriorityProcess out = processes.moveTo(NATIONAL, created.id(), ProcessStatus.CONSULTATION);
        assertThat(out.status()).isEqualTo(ProcessStatus.CONSULTATION);
        assertThat(out.updatedAt()).isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
        assertThatThrownBy(() -> processes.moveTo(NATIONAL, created.id(), ProcessStatus.PUBLISHED))
                .isInstanceOfSatisfying(PriorityRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("priority.error.no-pairs"));
        assertThat(processes.processes(NATIONAL)).extracting(PriorityProcess::name).containsExactly("Nationell lista");
    }
}
