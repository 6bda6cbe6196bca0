package se.samsyn.knowledge.internal;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Removes the neuter definite ending that the Swedish Snowball stemmer leaves: "sjukhuset" and
 * "sjukhusets" become "sjukhus", "missbruket" becomes "missbruk", "samhället" becomes "samhäll"
 * (which is also the stem of "samhälle"). Words on -het and -itet ("säkerhet", "kvalitet") keep
 * their ending, since it is not an article there, and so do a few loan words.
 * Runs before the Snowball stemmer, on lower-case text.
 */
final class SwedishDefiniteFormFilter extends TokenFilter {

    static final Set<String> KEEP = Set.of("budget", "internet", "alfabet", "magnet", "sekret", "dekret", "paket",
            "tablet", "toalett", "etikett", "omelett", "kabinett", "kuvert", "konkret", "diskret");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    SwedishDefiniteFormFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            term.setLength(stemmedLength(term.toString()));
        }
        return true;
    }

    /** The length of the word without its definite neuter ending, or its whole length. */
    static int stemmedLength(String word) {
        int len = word.length();
        if (len >= 7 && word.endsWith("ets") && keeps(word.substring(0, len - 1))) {
            return len - 3;
        }
        if (len >= 6 && word.endsWith("et") && keeps(word)) {
            return len - 2;
        }
        return len;
    }

    private static boolean keeps(String word) {
        return !word.endsWith("het") && !word.endsWith("itet") && !KEEP.contains(word);
    }
}
