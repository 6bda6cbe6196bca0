package se.samsyn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import se.samsyn.TestDatabases;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.audit.AuditTrail;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The knowledge guide on its own (Spring Modulith bootstraps this module only; audit and cluster
 * are mocked at the module boundary, the starting set is not seeded): an editor's draft is hidden
 * from the public until it is published, and the workflow refuses a move it does not allow.
 */
@ApplicationModuleTest
class KnowledgeModuleTests {

    static final Actor EDITOR = new Actor("module-editor", Role.KNOWLEDGE_EDITOR, Scope.nation());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "knowledge-module");
        // the readiness group names platform and cluster health contributors, which this module test does not start
        registry.add("management.endpoint.health.validate-group-membership", () -> "false");
        registry.add("samsyn.knowledge.seed", () -> "false");
    }

    @Autowired
    GuideEntries entries;

    @MockitoBean
    AuditTrail audit;

    @MockitoBean
    ClusterLocks locks;

    @MockitoBean
    ImportPipeline pipeline;

    @MockitoBean
    ChangeSignals signals;

    @MockitoBean
    se.samsyn.imports.HeldUploads heldUploads;

    @Test
    void aDraftIsHiddenUntilPublished() {
        Entry draft = entries.create(EDITOR, new EntryContent("modul-test", "method", "Modultest", "Kort.", "Text.",
                List.of(), List.of(), "SKR", null, null, null, null));
        assertThat(draft.status()).isEqualTo("draft");
        assertThat(draft.version()).isEqualTo(1);
        assertThat(entries.publishedTitles()).isEmpty();
        assertThatThrownBy(() -> entries.visible(null, "modul-test")).isInstanceOf(EntryNotFound.class);
        assertThatThrownBy(() -> entries.transition(EDITOR, "modul-test", EntryStatus.ARCHIVED))
                .isInstanceOfSatisfying(EntryRejected.class, e -> assertThat(e.messageKey()).isEqualTo("guide.error.transition"));
        entries.transition(EDITOR, "modul-test", EntryStatus.REVIEW);
        Entry published = entries.transition(EDITOR, "modul-test", EntryStatus.PUBLISHED);
        assertThat(published.isPublished()).isTrue();
        assertThat(entries.visible(null, "modul-test").title()).isEqualTo("Modultest");
        assertThat(entries.published()).extracting(Entry::slug).containsExactly("modul-test");
        assertThat(entries.publishedTitles()).containsExactly(java.util.Map.entry("modul-test", "Modultest"));
    }
}
