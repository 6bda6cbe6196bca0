package se.samsyn.knowledge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * Swedish analysis for the guide, at index time and at query time.
 *
 * <ol>
 *   <li>standard tokenizer, lower case, Swedish stop words;</li>
 *   <li>at index time only: compound splitting against a word list of the social-services domain
 *       ({@code knowledge/compound-parts.txt}), so that "missbruksvården" is also indexed as
 *       "missbruk" and "vård"; the whole word stays too, so a search for the compound is exact;</li>
 *   <li>{@link SwedishDefiniteFormFilter} for the neuter definite form (-et, -ets) that the
 *       Snowball stemmer keeps;</li>
 *   <li>the Swedish Snowball stemmer, which keeps "kommun" and "sjukhus" whole (the light stemmer
 *       cuts them to "kommu" and "sjukhu" but leaves "sjukhuset" as "sjukhus");</li>
 *   <li>duplicates at one position removed, so that a word that is itself in the list does not count twice.</li>
 * </ol>
 * Queries are not split: a search for "missbruksvård" wants that, not every text about "vård".
 */
final class SwedishGuideAnalyzer extends Analyzer {

    static final CharArraySet COMPOUND_PARTS = compoundParts();
    static final int MIN_WORD = 6;
    static final int MIN_PART = 4;
    static final int MAX_PART = 20;

    private final boolean splitCompounds;

    private SwedishGuideAnalyzer(boolean splitCompounds) {
        this.splitCompounds = splitCompounds;
    }

    public static SwedishGuideAnalyzer forIndexing() {
        return new SwedishGuideAnalyzer(true);
    }

    public static SwedishGuideAnalyzer forQueries() {
        return new SwedishGuideAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new StopFilter(stream, SwedishAnalyzer.getDefaultStopSet());
        if (splitCompounds) {
            stream = new DictionaryCompoundWordTokenFilter(stream, COMPOUND_PARTS, MIN_WORD, MIN_PART, MAX_PART, true);
        }
        stream = new SwedishDefiniteFormFilter(stream);
        stream = new SnowballFilter(stream, new SwedishStemmer());
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static CharArraySet compoundParts() {
        try (InputStream in = SwedishGuideAnalyzer.class.getResourceAsStream("/knowledge/compound-parts.txt")) {
            if (in == null) {
                throw new IllegalStateException("knowledge/compound-parts.txt is missing");
            }
            List<String> words = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(w -> !w.isEmpty() && !w.startsWith("#")).toList();
            return CharArraySet.unmodifiableSet(new CharArraySet(words.stream().map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList(), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
