package se.samsyn.knowledge;

import java.util.List;
import java.util.Map;

/** A page of search hits with the total, the facet counts per dimension and the paging used. */
public record SearchResult(String text, long total, List<Hit> hits, Map<String, List<FacetValue>> facets,
                           int offset, int limit) {
}
