package se.samsyn.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samsyn.shared.Scope;

/** The process's lifecycle rule on the aggregate, in plain Java: which moves it allows and what they return. */
class PriorityProcessLifecycleTests {

    static final Instant CREATED = Instant.parse("2026-01-01T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-02-01T09:30:00Z");

    static PriorityProcess process(ProcessStatus status, int publishedVersion) {
        return new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("missbruk"), "Syfte", null,
                PriorityMode.SOCIAL_SERVICES, status, RankParameters.DEFAULT,
                new CostBands("kr", List.of(1L, 2L, 3L)), publishedVersion, "anna", CREATED, CREATED);
    }

    static Pair pair(Recommendation decision) {
        return new Pair(11, 7, "Beroende", "Vuxna", "CRA", null, Benefit.STOR, "b", CostLevel.LAG, "c",
                Certainty.HOG, "s", null, null, false, null, null, null, decision, null, null, null);
    }

    @Test
    void onlyAProcessThatIsNotPublishedCanBeChanged() {
        assertThat(process(ProcessStatus.DRAFT, 0).editable()).isTrue();
        assertThat(process(ProcessStatus.CONSULTATION, 1).editable()).isTrue();
        assertThat(process(ProcessStatus.PUBLISHED, 1).editable()).isFalse();
        assertRefused(() -> process(ProcessStatus.PUBLISHED, 1).requireEditable(), "priority.error.published-locked");
    }

    @Test
    void theModeChangesOnlyWhenEveryPairFitsIt() {
        Pair withSeverity = new Pair(12, 7, "Trycksår", "Äldre", null, "Avlastning", Benefit.STOR, "b", CostLevel.LAG,
                "c", Certainty.HOG, "s", Severity.MATTLIG, "d", false, null, null, null, null, null, null, null);
        PriorityProcess healthCare = new PriorityProcess(8, "Vård", Scope.municipality("1280"), List.of("elderly-care"),
                "Syfte", null, PriorityMode.HEALTH_CARE, ProcessStatus.DRAFT, RankParameters.DEFAULT,
                new CostBands("kr", List.of(1L, 2L, 3L)), 0, "anna", CREATED, CREATED);
        healthCare.requireModeFits(PriorityMode.HEALTH_CARE, List.of(withSeverity));
        process(ProcessStatus.DRAFT, 0).requireModeFits(PriorityMode.SOCIAL_SERVICES, List.of(pair(null)));
        assertThatThrownBy(() -> healthCare.requireModeFits(PriorityMode.SOCIAL_SERVICES, List.of(withSeverity)))
                .isInstanceOfSatisfying(PriorityRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("mode");
                    assertThat(e.messageKey()).isEqualTo("priority.error.mode-has-severity");
                });
        assertThatThrownBy(() -> process(ProcessStatus.DRAFT, 0).requireModeFits(PriorityMode.HEALTH_CARE,
                List.of(pair(null)))).isInstanceOfSatisfying(PriorityRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("mode");
                    assertThat(e.messageKey()).isEqualTo("priority.error.mode-needs-severity");
                });
    }

    @Test
    void aDraftGoesOutForConsultationAndNowhereElse() {
        PriorityProcess moved = process(ProcessStatus.DRAFT, 0).sentForConsultation(NOW);
        assertThat(moved.status()).isEqualTo(ProcessStatus.CONSULTATION);
        assertThat(moved.updatedAt()).isEqualTo(NOW);
        assertThat(moved.publishedVersion()).isZero();
        assertThat(moved.createdAt()).isEqualTo(CREATED);
        assertRefused(() -> process(ProcessStatus.DRAFT, 0).backToDraft(NOW), "priority.error.transition");
        assertRefused(() -> process(ProcessStatus.DRAFT, 0).published(List.of(pair(Recommendation.rank(2))), NOW),
                "priority.error.transition");
    }

    @Test
    void publishingTakesTheNextVersionAndNeedsDecidedPairs() {
        PriorityProcess published = process(ProcessStatus.CONSULTATION, 2)
                .published(List.of(pair(Recommendation.rank(2)), pair(Recommendation.fou())), NOW);
        assertThat(published.status()).isEqualTo(ProcessStatus.PUBLISHED);
        assertThat(published.publishedVersion()).isEqualTo(3);
        assertThat(published.updatedAt()).isEqualTo(NOW);
        assertRefused(() -> process(ProcessStatus.CONSULTATION, 0).published(List.of(), NOW), "priority.error.no-pairs");
        assertRefused(() -> process(ProcessStatus.CONSULTATION, 0)
                .published(List.of(pair(Recommendation.rank(1)), pair(null)), NOW), "priority.error.undecided");
    }

    @Test
    void aPublishedProcessIsLockedUntilItGoesBackToDraft() {
        PriorityProcess published = process(ProcessStatus.PUBLISHED, 1);
        assertRefused(published::requireEditable, "priority.error.published-locked");
        assertRefused(() -> published.sentForConsultation(NOW), "priority.error.transition");
        assertRefused(() -> published.published(List.of(pair(Recommendation.rank(1))), NOW), "priority.error.transition");
        PriorityProcess draft = published.backToDraft(NOW);
        assertThat(draft.status()).isEqualTo(ProcessStatus.DRAFT);
        assertThat(draft.publishedVersion()).isEqualTo(1);
        draft.requireEditable();
        assertThat(process(ProcessStatus.CONSULTATION, 0).backToDraft(NOW).status()).isEqualTo(ProcessStatus.DRAFT);
    }

    @Test
    void movedToNamesTheSameMoves() {
        assertThat(process(ProcessStatus.DRAFT, 0).mayMoveTo(ProcessStatus.CONSULTATION)).isTrue();
        assertThat(process(ProcessStatus.DRAFT, 0).mayMoveTo(ProcessStatus.PUBLISHED)).isFalse();
        assertThat(process(ProcessStatus.PUBLISHED, 1).mayMoveTo(ProcessStatus.DRAFT)).isTrue();
        assertThat(process(ProcessStatus.CONSULTATION, 0)
                .movedTo(ProcessStatus.PUBLISHED, List.of(pair(Recommendation.ickeGora())), NOW).publishedVersion())
                .isEqualTo(1);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable move, String key) {
        assertThatThrownBy(move).isInstanceOfSatisfying(PriorityRejected.class, e -> {
            assertThat(e.field()).isEqualTo("status");
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.status()).isEqualTo(422);
        });
    }
}
