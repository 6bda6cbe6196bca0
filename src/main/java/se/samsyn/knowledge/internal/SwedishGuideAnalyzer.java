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
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
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
 *       ({@code knowledge/compound-parts.txt}) by {@link SwedishCompoundFilter}, so that
 *       "missbruksvården" is also indexed as "missbruk" and "vård" while "kommunikation" is not
 *       indexed as "kommun"; the whole word stays too, so a search for the compound is exact;</li>
 *   <li>for the folded variant only: å, ä and ö (and other accents) folded to a, a and o, and the
 *       stop words again in their folded form, so that "hemloshet" typed on a foreign keyboard
 *       finds "hemlöshet";</li>
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
    static final int MIN_PART = 3;
    static final int MAX_PART = 20;

    static final CharArraySet FOLDED_STOP_WORDS = foldedStopWords();

    private final boolean splitCompounds;
    private final boolean fold;

    private SwedishGuideAnalyzer(boolean splitCompounds, boolean fold) {
        this.splitCompounds = splitCompounds;
        this.fold = fold;
    }

    /** The analyzer of indexed text: compounds split, letters as written. */
    public static SwedishGuideAnalyzer forIndexing() {
        return new SwedishGuideAnalyzer(true, false);
    }

    /** The analyzer of queries: compounds kept whole, letters as written. */
    public static SwedishGuideAnalyzer forQueries() {
        return new SwedishGuideAnalyzer(false, false);
    }

    /** As {@link #forIndexing()}, with å, ä, ö folded to a, a, o: for the field that matches text typed without them. */
    public static SwedishGuideAnalyzer forFoldedIndexing() {
        return new SwedishGuideAnalyzer(true, true);
    }

    /** As {@link #forQueries()}, with å, ä, ö folded to a, a, o. */
    public static SwedishGuideAnalyzer forFoldedQueries() {
        return new SwedishGuideAnalyzer(false, true);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new StopFilter(stream, SwedishAnalyzer.getDefaultStopSet());
        if (splitCompounds) {
            stream = new SwedishCompoundFilter(stream, COMPOUND_PARTS, MIN_WORD, MIN_PART, MAX_PART);
        }
        if (fold) {
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, FOLDED_STOP_WORDS);
        }
        stream = new SwedishDefiniteFormFilter(stream);
        stream = new SnowballFilter(stream, new SwedishStemmer());
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream lower = new LowerCaseFilter(in);
        return fold ? new ASCIIFoldingFilter(lower) : lower;
    }

    private static CharArraySet foldedStopWords() {
        List<String> folded = new java.util.ArrayList<>();
        for (Object word : SwedishAnalyzer.getDefaultStopSet()) {
            folded.add(fold(new String((char[]) word)));
        }
        return CharArraySet.unmodifiableSet(new CharArraySet(folded, false));
    }

    /** {@code text} with accents folded as the folded field is ({@code "våld"} is {@code "vald"}). */
    static String fold(String text) {
        char[] out = new char[text.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(text.toCharArray(), 0, out, 0, text.length());
        return new String(out, 0, length);
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
