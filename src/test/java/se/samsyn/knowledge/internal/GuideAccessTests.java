package se.samsyn.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** Who writes the guide and who curates which collection, in plain Java. */
class GuideAccessTests {

    static final Actor EDITOR = new Actor("redaktor", Role.KNOWLEDGE_EDITOR, Scope.nation());
    static final Actor NATIONAL_ADMIN = new Actor("admin", Role.ADMINISTRATOR, Scope.nation());
    static final Actor LOCAL_ADMIN = new Actor("lokal", Role.ADMINISTRATOR, Scope.municipality("1280"));
    static final Actor REGIONAL = new Actor("region", Role.REGIONAL_ANALYST, Scope.region("12"));
    static final Actor ANALYST = new Actor("analytiker", Role.NATIONAL_ANALYST, Scope.nation());

    @Test
    void editorsAndNationalAdministratorsWrite() {
        assertThat(GuideAccess.mayEdit(EDITOR)).isTrue();
        assertThat(GuideAccess.mayEdit(NATIONAL_ADMIN)).isTrue();
        assertThat(GuideAccess.mayEdit(LOCAL_ADMIN)).isFalse();
        assertThat(GuideAccess.mayEdit(REGIONAL)).isFalse();
        assertThat(GuideAccess.mayEdit(ANALYST)).isFalse();
        assertThat(GuideAccess.mayEdit(null)).isFalse();
        assertThatThrownBy(() -> GuideAccess.requireEditor(ANALYST)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void editorsAndRegionalAnalystsCurate() {
        assertThat(GuideAccess.mayCurate(EDITOR)).isTrue();
        assertThat(GuideAccess.mayCurate(REGIONAL)).isTrue();
        assertThat(GuideAccess.mayCurate(ANALYST)).isFalse();
        assertThat(GuideAccess.mayCurate(null)).isFalse();
        assertThatThrownBy(() -> GuideAccess.requireCurator(null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRegionalAnalystChangesOnlyTheCollectionsOfTheOwnRegion() {
        assertThat(GuideAccess.mayChangeCollection(REGIONAL, "REGION", "12")).isTrue();
        assertThat(GuideAccess.mayChangeCollection(REGIONAL, "REGION", "14")).isFalse();
        assertThat(GuideAccess.mayChangeCollection(REGIONAL, "NATION", "0")).isFalse();
        assertThat(GuideAccess.mayChangeCollection(EDITOR, "REGION", "14")).isTrue();
        assertThat(GuideAccess.mayChangeCollection(ANALYST, "NATION", "0")).isFalse();
    }
}
