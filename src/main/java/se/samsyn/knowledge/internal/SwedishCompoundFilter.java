package se.samsyn.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;

/**
 * Splits a Swedish compound into its parts only when the parts make up the whole word: each part
 * a word of the domain list, joined directly or by a linking letter (fogemorfem: {@code s},
 * {@code a}, {@code e}, {@code o}, {@code u}), the last one followed by nothing or an inflection
 * ending ({@code -en}, {@code -et}, {@code -er}, {@code -arna}, ...), perhaps after a doubled
 * consonant ({@code familjehemmet}). A single part with an ending is given as well
 * ("insatserna" gives "insats"). "missbruksvården" is
 * missbruk + s + vård + en and gives "missbruk" and "vård"; "kommunikation" (kommun + "ikation")
 * and "inspelade" ("in" + spel + "ade") are not compounds of the list and stay whole.
 *
 * <p>Lucene's {@code DictionaryCompoundWordTokenFilter} emits every list word found anywhere
 * inside a word, which made "kommun" match "kommunikation"; its hyphenation variant needs a
 * Swedish hyphenation grammar that is not published under a licence the project can ship. This
 * filter keeps Lucene's token handling ({@link CompoundWordTokenFilterBase}: the whole word first,
 * then the parts at the same position with the word's offsets) and decides only where to split.
 */
final class SwedishCompoundFilter extends CompoundWordTokenFilterBase {

    /** Linking letters between the parts of a compound, the empty link first. */
    static final List<String> LINKS = List.of("", "s", "a", "e", "o", "u");

    /** Endings of inflected nouns, adjectives and participles that may follow the last part. */
    static final Set<String> ENDINGS = Set.of("", "a", "e", "n", "s", "t", "en", "et", "er", "ar", "or", "na", "ns",
            "ts", "es", "ens", "ets", "ers", "ars", "ors", "nas", "erna", "arna", "orna", "ernas", "arnas", "ornas",
            "ade", "ande", "ende", "are", "ares", "het");

    /**
     * @param dictionary    the parts, in lower case
     * @param minWordSize   words shorter than this are never split
     * @param minPart       the shortest part
     * @param maxPart       the longest part
     */
    SwedishCompoundFilter(TokenStream input, CharArraySet dictionary, int minWordSize, int minPart, int maxPart) {
        super(input, dictionary, minWordSize, minPart, maxPart, false);
    }

    @Override
    protected void decompose() {
        String word = termAtt.toString();
        List<int[]> parts = split(word, dictionary, minSubwordSize, maxSubwordSize);
        for (int[] part : parts) {
            tokens.add(new CompoundToken(part[0], part[1] - part[0]));
        }
    }

    /**
     * The parts of {@code word} as {start, end} character ranges, in order, when the word is made
     * of parts of {@code dictionary} as the class describes; empty otherwise. Longer
     * parts are tried first, so "familjehemsplacering" is familjehem + s + placering.
     */
    static List<int[]> split(String word, CharArraySet dictionary, int minPart, int maxPart) {
        List<int[]> parts = new ArrayList<>();
        return segment(word, word.toCharArray(), 0, dictionary, minPart, maxPart, parts) ? parts : List.of();
    }

    /**
     * Whether the word may end after a part that ends at {@code end}: with an ending, or with
     * nothing after a second or later part. The ending may start with the part's last consonant
     * doubled ("familjehem" + "met"). A single part with an ending is given too, as the stemmer
     * does not undo every inflection ("insatserna" gives "insats").
     */
    private static boolean endsHere(String word, int end, int partCount) {
        String rest = word.substring(end);
        if (rest.isEmpty()) {
            return partCount >= 2;
        }
        if (ENDINGS.contains(rest)) {
            return true;
        }
        char last = word.charAt(end - 1);
        return rest.length() > 1 && rest.charAt(0) == last && "aeiouyåäö".indexOf(last) < 0
                && ENDINGS.contains(rest.substring(1));
    }

    private static boolean segment(String word, char[] chars, int from, CharArraySet dictionary, int minPart, int maxPart,
                                   List<int[]> parts) {
        for (int end = Math.min(word.length(), from + maxPart); end >= from + minPart; end--) {
            if (!dictionary.contains(chars, from, end - from)) {
                continue;
            }
            parts.add(new int[] {from, end});
            if (endsHere(word, end, parts.size())) {
                return true;
            }
            for (String link : LINKS) {
                int next = end + link.length();
                if (word.startsWith(link, end) && next < word.length()
                        && segment(word, chars, next, dictionary, minPart, maxPart, parts)) {
                    return true;
                }
            }
            parts.remove(parts.size() - 1);
        }
        return false;
    }
}
