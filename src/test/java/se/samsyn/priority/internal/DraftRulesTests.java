package se.samsyn.priority.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostBands;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.PairDraft;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.RankParameters;
import se.samsyn.shared.Scope;

/**
 * The pair rule on knowledge-guide entries (issue 17, point 2: an entry that does not exist cannot
 * be referenced), without Spring: the method and the guideline are nothing or the slug of a
 * published entry. The guide here publishes two entries; "utkast-metod" stands for an entry that
 * exists but is not published, which the rule cannot tell from one that does not exist, and must
 * not: both are refused.
 */
class DraftRulesTests {

    static final Set<String> PUBLISHED = Set.of("motiverande-samtal", "nationella-riktlinjer-missbruk-och-beroende");
    static final Predicate<String> ENTRY_PUBLISHED = PUBLISHED::contains;
    static final Instant AT = Instant.parse("2026-04-01T08:00:00Z");
    static final PriorityProcess PROCESS = new PriorityProcess(7, "Missbruk", Scope.nation(), List.of("substance-use"),
            "Syfte", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.DRAFT, RankParameters.DEFAULT,
            new CostBands("kr", List.of(1L, 2L, 3L)), 0, "anna", AT, AT);

    static PairDraft draft(String methodEntry, String guidelineEntry) {
        return new PairDraft("Riskbruk av alkohol", "Vuxna", "MI", null, Benefit.STOR, "Stor effekt", CostLevel.LAG,
                "Billig", Certainty.MATTLIG, "Flera studier", null, null, false, null, methodEntry, guidelineEntry);
    }

    static PairDraft checked(PairDraft d) {
        return DraftRules.pair(PROCESS, d, "MI"::equals, kind -> false, ENTRY_PUBLISHED);
    }

    @Test
    void publishedEntriesAreKeptAsTheirSlugs() {
        PairDraft d = checked(draft("motiverande-samtal", "nationella-riktlinjer-missbruk-och-beroende"));

        assertThat(d.methodEntry()).isEqualTo("motiverande-samtal");
        assertThat(d.guidelineEntry()).isEqualTo("nationella-riktlinjer-missbruk-och-beroende");
    }

    @Test
    void surroundingBlanksAreStrippedBeforeTheGuideIsAsked() {
        PairDraft d = checked(draft("  motiverande-samtal\t", " nationella-riktlinjer-missbruk-och-beroende "));

        assertThat(d.methodEntry()).isEqualTo("motiverande-samtal");
        assertThat(d.guidelineEntry()).isEqualTo("nationella-riktlinjer-missbruk-och-beroende");
    }

    @Test
    void noEntryOrABlankOneIsNoEntry() {
        assertThat(checked(draft(null, null))).extracting(PairDraft::methodEntry, PairDraft::guidelineEntry)
                .containsExactly(null, null);
        assertThat(checked(draft("", "   "))).extracting(PairDraft::methodEntry, PairDraft::guidelineEntry)
                .containsExactly(null, null);
    }

    @ParameterizedTest(name = "method \"{0}\", guideline \"{1}\" → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            finns-inte                  | -                                           | methodEntry
            utkast-metod                | -                                           | methodEntry
            Motiverande-Samtal          | -                                           | methodEntry
            motiverande samtal          | -                                           | methodEntry
            -                           | finns-inte                                  | guidelineEntry
            motiverande-samtal          | nationella-riktlinjer-demenssjukdom         | guidelineEntry
            finns-inte                  | finns-inte-heller                           | methodEntry
            """)
    void anEntryTheGuideDoesNotPublishIsRefusedOnItsField(String method, String guideline, String field) {
        assertThatThrownBy(() -> checked(draft(method, guideline)))
                .isInstanceOfSatisfying(PriorityRejected.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo("priority.error.guide-entry");
                });
    }

    @Test
    void theGuideIsAskedForTheStrippedSlugOnly() {
        List<String> asked = new java.util.ArrayList<>();
        DraftRules.pair(PROCESS, draft(" motiverande-samtal ", null), "MI"::equals, kind -> false,
                slug -> asked.add(slug) && PUBLISHED.contains(slug));

        assertThat(asked).containsExactly("motiverande-samtal");
    }
}
