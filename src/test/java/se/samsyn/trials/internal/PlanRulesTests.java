package se.samsyn.trials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samsyn.trials.TrialRejected;

/**
 * The plan rule on the tool's knowledge-guide entry (issue 17, point 2: an entry that does not
 * exist cannot be referenced), without Spring. The guide here publishes two entries; "adad" stands
 * for an entry that exists but is not published, which the rule cannot tell from one that does not
 * exist, and must not: both are refused.
 */
class PlanRulesTests {

    static final Set<String> PUBLISHED = Set.of("who-5", "bbic");
    static final Predicate<String> ENTRY_PUBLISHED = PUBLISHED::contains;

    @Test
    void aPublishedEntryIsKeptAsItsSlug() {
        assertThat(PlanRules.guideEntry("who-5", ENTRY_PUBLISHED)).isEqualTo("who-5");
        assertThat(PlanRules.guideEntry("bbic", ENTRY_PUBLISHED)).isEqualTo("bbic");
    }

    @Test
    void surroundingBlanksAreStrippedAndTheGuideIsAskedForTheStrippedSlugOnly() {
        List<String> asked = new ArrayList<>();

        assertThat(PlanRules.guideEntry(" who-5\t", slug -> asked.add(slug) && PUBLISHED.contains(slug))).isEqualTo("who-5");
        assertThat(asked).containsExactly("who-5");
    }

    @Test
    void noEntryOrABlankOneIsNoEntryAndTheGuideIsNotAsked() {
        Predicate<String> never = slug -> {
            throw new AssertionError("asked for " + slug);
        };

        assertThat(PlanRules.guideEntry(null, never)).isNull();
        assertThat(PlanRules.guideEntry("", never)).isNull();
        assertThat(PlanRules.guideEntry("   ", never)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"finns-inte", "adad", "WHO-5", "who 5", "who-5/../bbic"})
    void anEntryTheGuideDoesNotPublishIsRefusedOnItsField(String slug) {
        assertThatThrownBy(() -> PlanRules.guideEntry(slug, ENTRY_PUBLISHED))
                .isInstanceOfSatisfying(TrialRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("guideEntry");
                    assertThat(e.messageKey()).isEqualTo("trials.error.guideEntry");
                });
    }
}
