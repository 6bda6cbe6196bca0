package se.samsyn.knowledge.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.FacetValue;
import se.samsyn.knowledge.Hit;
import se.samsyn.knowledge.SearchRequest;
import se.samsyn.knowledge.SearchResult;
import se.samsyn.knowledge.Suggestion;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking, facet counts, highlighting and suggestions on a fixture small enough to check by hand:
 * <pre>
 * slug            type        focus                       publisher        evidence  words
 * missbruksvard   guideline   substance-use               Socialstyrelsen  -         missbruksvården (title)
 * ap              method      substance-use               Socialstyrelsen  rank-2    missbruket (summary)
 * mi              method      substance-use, economic-a.  Socialstyrelsen  rank-3    missbruk (body only)
 * sjukhus         report      elderly-care                SKR              -         sjukhuset (title)
 * demens          guideline   dementia, elderly-care      Socialstyrelsen  -         demenssjukdom
 * komet           method      children-youth              SBU              grade-lag föräldrastöd
 * </pre>
 */
class GuideIndexTests {

    GuideIndex index;

    @BeforeEach
    void buildTheFixture() {
        index = new GuideIndex();
        index.rebuild(fixture());
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void ranksATitleMatchAboveASummaryMatchAboveABodyMatch() {
        SearchResult result = index.search(SearchRequest.of("missbruk"));
        assertThat(result.total()).isEqualTo(3);
        assertThat(result.hits()).extracting(Hit::slug).containsExactly("missbruksvard", "ap", "mi");
    }

    @Test
    void definiteFormsAndCompoundsAreFound() {
        assertThat(slugs("sjukhus")).containsExactly("sjukhus");
        assertThat(slugs("demens")).containsExactly("demens");
        assertThat(slugs("föräldrar")).containsExactly("komet");
        assertThat(slugs("missbruksvård")).containsExactly("missbruksvard");
    }

    @Test
    void countsFacetsForTheWholeResult() {
        SearchResult result = index.search(SearchRequest.of("missbruk"));
        assertThat(counts(result, "type")).containsExactlyInAnyOrderEntriesOf(Map.of("method", 2, "guideline", 1));
        assertThat(counts(result, "focus")).containsExactlyInAnyOrderEntriesOf(
                Map.of("substance-use", 3, "economic-assistance", 1));
        assertThat(counts(result, "publisher")).containsExactlyInAnyOrderEntriesOf(Map.of("Socialstyrelsen", 3));
        assertThat(counts(result, "evidence")).containsExactlyInAnyOrderEntriesOf(Map.of("rank-2", 1, "rank-3", 1));
    }

    @Test
    void countsFacetsOfAllEntriesWithoutText() {
        SearchResult result = index.search(SearchRequest.of(""));
        assertThat(result.total()).isEqualTo(6);
        assertThat(counts(result, "type")).containsExactlyInAnyOrderEntriesOf(
                Map.of("method", 3, "guideline", 2, "report", 1));
        assertThat(counts(result, "focus")).containsEntry("elderly-care", 2).containsEntry("substance-use", 3);
        assertThat(result.hits()).extracting(Hit::title).containsExactly("Komet", "Motiverande samtal",
                "Riktlinjer för missbruksvården", "Trygg hemgång från sjukhuset", "Vård och omsorg vid demenssjukdom",
                "Återfallsprevention");
    }

    @Test
    void filtersByFacetAndKeepsTheOtherValuesOfThatFacetCounted() {
        SearchResult result = index.search(new SearchRequest("missbruk", Map.of("type", List.of("method")), 0, 20));
        assertThat(result.hits()).extracting(Hit::slug).containsExactly("ap", "mi");
        // drill sideways: the type facet still shows what choosing guideline instead would give
        assertThat(counts(result, "type")).containsEntry("method", 2).containsEntry("guideline", 1);
        assertThat(result.facets().get("type")).filteredOn(FacetValue::selected).extracting(FacetValue::value)
                .containsExactly("method");
        assertThat(counts(result, "evidence")).containsExactlyInAnyOrderEntriesOf(Map.of("rank-2", 1, "rank-3", 1));
    }

    @Test
    void combinesFacetsWithAnd() {
        SearchResult result = index.search(new SearchRequest("", Map.of("type", List.of("guideline"),
                "focus", List.of("elderly-care")), 0, 20));
        assertThat(result.hits()).extracting(Hit::slug).containsExactly("demens");
    }

    @Test
    void highlightsMatchedWordsAndEscapesHtml() {
        SearchResult result = index.search(SearchRequest.of("sjukhus"));
        assertThat(result.hits().get(0).titleHighlight()).isEqualTo("Trygg hemgång från <mark>sjukhuset</mark>");
        SearchResult body = index.search(SearchRequest.of("missbruk"));
        assertThat(body.hits().get(2).highlight()).contains("<mark>missbruk</mark>").contains("&lt;b&gt;");
    }

    @Test
    void suggestsTitlesFromAPrefix() {
        assertThat(index.suggest("miss", 8)).extracting(Suggestion::slug).containsExactly("missbruksvard");
        assertThat(index.suggest("trygg hem", 8)).extracting(Suggestion::slug).containsExactly("sjukhus");
        assertThat(index.suggest("m", 8)).isEmpty();
    }

    @Test
    void stopWordsAloneFindNothingAndDoNotFail() {
        assertThat(index.search(SearchRequest.of("och")).total()).isZero();
        assertThat(index.search(SearchRequest.of("\"missbruk")).total()).isEqualTo(3);
    }

    @Test
    void searchesKeepWorkingWhileTheIndexIsRebuilt() throws InterruptedException {
        List<Entry> many = new ArrayList<>(fixture());
        for (int i = 0; i < 3000; i++) {
            many.add(entry("extra-" + i, "report", "Rapport " + i, "Om vård och stöd " + i, "Text " + i,
                    List.of("elderly-care"), "SKR", null));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger searches = new AtomicInteger();
        Thread searcher = new Thread(() -> {
            while (running.get()) {
                long found = index.search(SearchRequest.of("missbruk")).total();
                if (found != 3) {
                    failures.incrementAndGet();
                }
                searches.incrementAndGet();
            }
        });
        searcher.start();
        for (int round = 0; round < 3; round++) {
            index.rebuild(round % 2 == 0 ? many : fixture());
        }
        running.set(false);
        searcher.join();
        assertThat(searches.get()).isPositive();
        assertThat(failures.get()).isZero();
    }

    private List<String> slugs(String text) {
        return index.search(SearchRequest.of(text)).hits().stream().map(Hit::slug).toList();
    }

    private static Map<String, Integer> counts(SearchResult result, String dim) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        result.facets().get(dim).forEach(f -> out.put(f.value(), f.count()));
        return out;
    }

    static List<Entry> fixture() {
        return List.of(
                entry("missbruksvard", "guideline", "Riktlinjer för missbruksvården", "Rekommendationer om vård och stöd.",
                        "Rangordnade åtgärder.", List.of("substance-use"), "Socialstyrelsen", null),
                entry("ap", "method", "Återfallsprevention", "Behandling som förebygger att missbruket kommer tillbaka.",
                        "Kognitiv beteendeterapi i grupp.", List.of("substance-use"), "Socialstyrelsen", "rank-2"),
                entry("mi", "method", "Motiverande samtal", "Samtalsmetod om förändring.",
                        "Används vid <b>riskbruk</b> och vid missbruk av alkohol.",
                        List.of("substance-use", "economic-assistance"), "Socialstyrelsen", "rank-3"),
                entry("sjukhus", "report", "Trygg hemgång från sjukhuset", "Stöd efter vistelse i slutenvård.",
                        "Team från hemtjänsten.", List.of("elderly-care"), "SKR", null),
                entry("demens", "guideline", "Vård och omsorg vid demenssjukdom", "Rekommendationer.",
                        "Personcentrerad omsorg.", List.of("dementia", "elderly-care"), "Socialstyrelsen", null),
                entry("komet", "method", "Komet", "Föräldrastöd i grupp.", "Övningar för föräldrar.",
                        List.of("children-youth"), "SBU", "grade-lag"));
    }

    static Entry entry(String slug, String type, String title, String summary, String body, List<String> focus,
                       String publisher, String evidence) {
        return new Entry(1, slug, type, title, summary, body, focus, List.of("adults"), publisher, evidence, null, null,
                null, "published", 1, Instant.EPOCH, "test", Instant.EPOCH);
    }
}
