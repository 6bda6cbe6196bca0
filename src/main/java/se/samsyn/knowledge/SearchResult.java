package se.samsyn.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A page of search hits with the total, the facet counts per dimension and the paging used.
 * {@code didYouMean} is a corrected query when the text found nothing and a spelling close to
 * its words does ("misbruk" gives "missbruk"), otherwise null.
 */
public record SearchResult(String text, long total, List<Hit> hits, Map<String, List<FacetValue>> facets,
                           int offset, int limit, String didYouMean) {

    /** A result without a spelling suggestion. */
    public SearchResult(String text, long total, List<Hit> hits, Map<String, List<FacetValue>> facets,
                        int offset, int limit) {
        this(text, total, hits, facets, offset, limit, null);
    }

    /** The same result with {@code corrected} as its spelling suggestion. */
    public SearchResult withDidYouMean(String corrected) {
        return new SearchResult(text, total, hits, facets, offset, limit, corrected);
    }
}
