package se.samsyn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samsyn.knowledge.EntryStatus.ARCHIVED;
import static se.samsyn.knowledge.EntryStatus.DRAFT;
import static se.samsyn.knowledge.EntryStatus.PUBLISHED;
import static se.samsyn.knowledge.EntryStatus.REVIEW;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The entry lifecycle on {@link EntryStatus}, in plain Java: every transition, exact sets. */
class EntryStatusTests {

    /** The whole workflow: draft→review, review→draft|published, published→archived, archived→draft. */
    static final Map<EntryStatus, Set<EntryStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(REVIEW),
            REVIEW, EnumSet.of(DRAFT, PUBLISHED),
            PUBLISHED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.of(DRAFT));

    @Test
    void allowsOnlyTheWorkflowSteps() {
        assertThat(DRAFT.nextStatuses()).containsExactly(REVIEW);
        assertThat(REVIEW.nextStatuses()).containsExactly(DRAFT, PUBLISHED);
        assertThat(PUBLISHED.nextStatuses()).containsExactly(ARCHIVED);
        assertThat(ARCHIVED.nextStatuses()).containsExactly(DRAFT);
        assertThat(DRAFT.mayMoveTo(PUBLISHED)).isFalse();
    }

    @Test
    void everyOneOfTheSixteenPairsIsAllowedExactlyWhenTheWorkflowSaysSo() {
        int allowed = 0;
        for (EntryStatus from : EntryStatus.values()) {
            for (EntryStatus to : EntryStatus.values()) {
                assertThat(from.mayMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
                allowed += from.mayMoveTo(to) ? 1 : 0;
            }
            assertThat(EnumSet.copyOf(from.nextStatuses())).as("next of " + from).isEqualTo(ALLOWED.get(from));
            assertThat(from.mayMoveTo(from)).as(from + " stays").isFalse();
            assertThat(from.mayMoveTo(null)).isFalse();
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void namesEachChange() {
        assertThat(REVIEW.changeName(DRAFT)).isEqualTo("returned");
        assertThat(ARCHIVED.changeName(DRAFT)).isEqualTo("restored");
        assertThat(REVIEW.changeName(PUBLISHED)).isEqualTo("published");
        assertThat(DRAFT.changeName(REVIEW)).isEqualTo("submitted");
        assertThat(PUBLISHED.changeName(ARCHIVED)).isEqualTo("archived");
    }

    @Test
    void deletesOnlyWhatIsNotPublic() {
        assertThat(DRAFT.mayDelete()).isTrue();
        assertThat(ARCHIVED.mayDelete()).isTrue();
        assertThat(PUBLISHED.mayDelete()).isFalse();
        assertThat(REVIEW.mayDelete()).isFalse();
        assertThat(ARCHIVED.mayEditContent()).isFalse();
    }

    @Test
    void editsTheContentOfEveryStatusButArchived() {
        assertThat(EnumSet.allOf(EntryStatus.class).stream().filter(EntryStatus::mayEditContent))
                .containsExactly(DRAFT, REVIEW, PUBLISHED);
        assertThat(EnumSet.allOf(EntryStatus.class).stream().filter(EntryStatus::mayDelete))
                .containsExactly(DRAFT, ARCHIVED);
    }

    @Test
    void speaksItsLowerCaseCodesAndReadsThemBack() {
        assertThat(EnumSet.allOf(EntryStatus.class).stream().map(EntryStatus::code))
                .containsExactly("draft", "review", "published", "archived");
        assertThat(EntryStatus.fromCode(" Published ")).contains(PUBLISHED);
        assertThat(EntryStatus.fromCode("PUBLISHED_X")).isEmpty();
        assertThat(EntryStatus.fromCode(null)).isEmpty();
        assertThat(REVIEW.messageKey()).isEqualTo("guide.status.review");
    }
}
