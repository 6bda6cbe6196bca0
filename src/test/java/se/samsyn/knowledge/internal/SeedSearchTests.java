package se.samsyn.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.FacetValue;
import se.samsyn.knowledge.Hit;
import se.samsyn.knowledge.SearchRequest;
import se.samsyn.knowledge.SearchResult;

/**
 * Searches with real Swedish queries on the guide's starting set (knowledge/seed-entries.json),
 * with facet names from the message bundles as the running application has them: what the facets
 * count is found, å/ä/ö may be typed as a/a/o, a misspelling gets a suggestion, and compound
 * parts do not match inside unrelated words.
 */
class SeedSearchTests {

    static GuideIndex index;
    static List<Entry> seed;

    @BeforeAll
    static void indexTheSeed() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/knowledge");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        seed = GuideSeed.rows().stream().map(r -> new Entry(1, r.slug(), r.type(), r.title(), r.summary(), r.body(),
                r.focusAreas(), r.targetGroups(), r.publisher(), r.evidence() == null || r.evidence().isBlank() ? null : r.evidence(), null, null, r.sourceUrl(), "published", 1,
                Instant.EPOCH, "seed", Instant.EPOCH)).toList();
        index = new GuideIndex(IndexedGuideSearch.labels(messages));
        index.rebuild(seed);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void aFacetNameFindsEveryEntryTheFacetCounts() {
        SearchResult all = index.search(new SearchRequest("", Map.of(), 0, 500));
        assertThat(count(all, "focus", "elderly-care")).isEqualTo(8);
        assertThat(slugs("äldreomsorg")).hasSize(8).containsExactlyInAnyOrderElementsOf(inFacet("focus", "elderly-care"));
        assertThat(count(all, "focus", "substance-use")).isEqualTo(18);
        // "Missbruk och beroende" names the area; two more entries speak of missbruk in their text
        assertThat(slugs("missbruk")).hasSize(20).containsAll(inFacet("focus", "substance-use"));
        assertThat(slugs("hemlöshet")).containsAll(inFacet("focus", "homelessness"));
    }

    @Test
    void publishersAndTargetGroupsAreSearchable() {
        assertThat(slugs("Svenskt Demenscentrum")).containsExactly("webbutbildning-demens-abc");
        assertThat(slugs("Riksrevisionen")).containsExactlyInAnyOrderElementsOf(inPublisher("Riksrevisionen"));
        assertThat(slugs("anhöriga")).containsAll(inFacet("target", "relatives"));
    }

    @Test
    void wordsTypedWithoutÅÄÖFindWhatTheWordsWithThemFind() {
        assertThat(new TreeSet<>(slugs("hemloshet"))).isEqualTo(new TreeSet<>(slugs("hemlöshet"))).hasSize(4);
        assertThat(new TreeSet<>(slugs("aldreomsorg"))).isEqualTo(new TreeSet<>(slugs("äldreomsorg"))).hasSize(8);
        assertThat(new TreeSet<>(slugs("vald"))).isEqualTo(new TreeSet<>(slugs("våld"))).hasSize(8);
    }

    @Test
    void aMisspellingFindsNothingButSuggestsTheWordThatFinds() {
        SearchResult result = index.search(SearchRequest.of("misbruk"));
        assertThat(result.total()).isZero();
        assertThat(result.didYouMean()).isEqualTo("missbruk");
        assertThat(index.search(SearchRequest.of("missbruk")).didYouMean()).isNull();
        assertThat(index.search(SearchRequest.of("xqzzvw")).didYouMean()).isNull();
    }

    @Test
    void aCompoundPartDoesNotMatchInsideAnUnrelatedWord() {
        // these three speak of "kommunikation" and never of a kommun
        assertThat(slugs("kommun")).hasSize(10).doesNotContain("community-reinforcement-approach",
                "komet-foraldrastod", "webbutbildning-demens-abc").contains("funktionell-familjeterapi");
        // "inspelade" samtal is not spel
        assertThat(slugs("spel")).containsExactly("nationella-riktlinjer-missbruk-och-beroende");
    }

    private static List<String> slugs(String text) {
        return index.search(new SearchRequest(text, Map.of(), 0, 100)).hits().stream().map(Hit::slug).toList();
    }

    private static int count(SearchResult result, String dimension, String value) {
        return result.facets().get(dimension).stream().filter(f -> f.value().equals(value))
                .mapToInt(FacetValue::count).sum();
    }

    private static List<String> inFacet(String dimension, String value) {
        return seed.stream().filter(e -> (dimension.equals("focus") ? e.focusAreas() : e.targetGroups()).contains(value))
                .map(Entry::slug).toList();
    }

    private static List<String> inPublisher(String publisher) {
        return seed.stream().filter(e -> publisher.equals(e.publisher())).map(Entry::slug).toList();
    }
}
