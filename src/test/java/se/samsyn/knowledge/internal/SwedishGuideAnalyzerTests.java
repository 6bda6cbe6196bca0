package se.samsyn.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analyzer on real Swedish words of the domain: a query word must produce a term that the
 * indexed text also produced, through definite forms, plurals, genitives and compounds.
 */
class SwedishGuideAnalyzerTests {

    static final Analyzer INDEX = SwedishGuideAnalyzer.forIndexing();
    static final Analyzer QUERY = SwedishGuideAnalyzer.forQueries();

    @ParameterizedTest(name = "\"{0}\" finds \"{1}\"")
    @CsvSource({
            "sjukhus, sjukhuset",
            "sjukhus, sjukhusets",
            "sjukhus, sjukhusen",
            "sjukhus, sjukhusvården",
            "sjukhuset, sjukhus",
            "missbruk, missbruksvård",
            "missbruk, missbruksvården",
            "missbruk, missbruket",
            "missbruk, missbrukets",
            "missbruket, missbruk",
            "kommun, kommunen",
            "kommun, kommunerna",
            "kommun, kommunernas",
            "beroende, beroendet",
            "beroende, beroendevården",
            "barn, barnet",
            "barn, barnen",
            "barn, barnets",
            "barn, barnavårdsutredning",
            "barn, barnfamiljer",
            "våld, våldet",
            "våld, våldsutsatta",
            "föräldrar, föräldrarna",
            "föräldrar, föräldrastöd",
            "föräldrar, föräldraskapsstöd",
            "demens, demenssjukdom",
            "demenssjukdom, demenssjukdomar",
            "sjukdom, demenssjukdomen",
            "riktlinje, riktlinjerna",
            "riktlinjer, riktlinje",
            "hemtjänst, hemtjänsten",
            "boende, boendet",
            "boende, boendestöd",
            "stöd, stödet",
            "stöd, boendestödet",
            "placering, familjehemsplacering",
            "familjehem, familjehemmet",
            "alkohol, alkoholberoende",
            "behandling, behandlingen",
            "behandling, familjebehandling",
            "samhälle, samhället",
            "insats, insatserna",
            "utredning, barnavårdsutredningen",
            "äldre, äldreomsorgen",
            "äldreomsorg, äldreomsorgen",
            "kvalitet, kvaliteten",
            "säkerhet, säkerheten",
            "beslut, beslutet",
            "arbete, arbetet",
            "återfall, återfallsprevention",
            "narkotika, narkotikabruk",
            "hemlöshet, hemlösheten",
            "socialtjänst, socialtjänstens",
            "socialtjänst, socialtjänstlagen"
    })
    void aQueryWordFindsItsFormsAndCompounds(String query, String text) {
        assertThat(terms(INDEX, text)).as("index terms of " + text).containsAnyElementsOf(terms(QUERY, query));
    }

    @ParameterizedTest(name = "\"{0}\" does not find \"{1}\"")
    @CsvSource({
            "missbruksvård, vård av äldre",
            "sjukhus, hus",
            "kvalitet, kvalitativ",
            "demens, dementa",
            "barn, bar",
            "kommun, kommunikation",
            "kommun, kommunikationsmetod",
            "spel, inspelade"
    })
    void doesNotMatchUnrelatedWords(String query, String text) {
        assertThat(terms(INDEX, text)).doesNotContainAnyElementsOf(terms(QUERY, query));
    }

    @Test
    void keepsTheWholeCompoundAndAddsItsParts() {
        assertThat(terms(INDEX, "missbruksvården")).containsExactly("missbruksvård", "missbruk", "vård");
        assertThat(terms(INDEX, "sjukhuset")).containsExactly("sjukhus");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            missbruksvården       | missbruk vård
            familjehemsplacering  | familjehem placering
            barnavårdsutredningen | barna vård utredning
            föräldraskapsstöd     | föräldra skap stöd
            våldsutsatta          | våld utsatt
            familjehemmet         | familjehem
            insatserna            | insats
            socialtjänstlagen     | socialtjänst lag
            kommunikation         | -
            inspelade             | -
            missbruk              | -
            """)
    void splitsACompoundOnlyWhenItsPartsMakeUpTheWord(String word, String parts) {
        List<String> found = SwedishCompoundFilter.split(word, SwedishGuideAnalyzer.COMPOUND_PARTS,
                SwedishGuideAnalyzer.MIN_PART, SwedishGuideAnalyzer.MAX_PART).stream()
                .map(range -> word.substring(range[0], range[1])).toList();
        assertThat(found).isEqualTo(parts.equals("-") ? List.of() : List.of(parts.split(" ")));
    }

    @ParameterizedTest(name = "folded \"{0}\" finds \"{1}\"")
    @CsvSource({
            "hemloshet, hemlösheten",
            "aldreomsorg, äldreomsorgen",
            "vald, våldet",
            "hemlöshet, hemlösheten",
            "foraldrar, föräldrastöd"
    })
    void theFoldedFieldMatchesWordsTypedWithoutÅÄÖ(String query, String text) {
        assertThat(terms(SwedishGuideAnalyzer.forFoldedIndexing(), text)).as("folded index terms of " + text)
                .containsAnyElementsOf(terms(SwedishGuideAnalyzer.forFoldedQueries(), query));
    }

    @Test
    void theFoldedFieldDropsFoldedStopWords() {
        assertThat(terms(SwedishGuideAnalyzer.forFoldedQueries(), "vard for aldre")).containsExactly("vard", "aldr");
    }

    @Test
    void queriesAreNotSplitSoACompoundSearchStaysPrecise() {
        assertThat(terms(QUERY, "missbruksvården")).containsExactly("missbruksvård");
    }

    @Test
    void analysesAPhraseFromANationalGuideline() {
        assertThat(terms(INDEX, "Nationella riktlinjer för vård och stöd vid missbruk och beroende"))
                .containsExactly("nationell", "riktlinj", "vård", "stöd", "missbruk", "beroend");
    }

    @Test
    void leavesWordsOnHetAndItetWhole() {
        assertThat(SwedishDefiniteFormFilter.stemmedLength("säkerhet")).isEqualTo(8);
        assertThat(SwedishDefiniteFormFilter.stemmedLength("kvalitet")).isEqualTo(8);
        assertThat(SwedishDefiniteFormFilter.stemmedLength("budget")).isEqualTo(6);
        assertThat(SwedishDefiniteFormFilter.stemmedLength("sjukhuset")).isEqualTo(7);
        assertThat(SwedishDefiniteFormFilter.stemmedLength("barnets")).isEqualTo(4);
    }

    static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
