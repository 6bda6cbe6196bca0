package se.samsyn.knowledge;

import java.util.List;
import java.util.Map;

/** A search: free text and the chosen facet values per dimension (all optional). */
public record SearchRequest(String text, Map<String, List<String>> filters, int offset, int limit) {

    public SearchRequest {
        text = text == null ? "" : text.strip();
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        // deep paging would make Lucene collect offset + limit hits; nobody pages that far
        offset = Math.min(Math.max(0, offset), 10_000);
        limit = limit <= 0 ? 20 : Math.min(limit, 100);
    }

    public static SearchRequest of(String text) {
        return new SearchRequest(text, Map.of(), 0, 20);
    }
}
