package se.samsyn.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A search: free text and the chosen facet values per dimension (all optional). {@code filters} maps
 * a dimension of {@link #DIMENSIONS} to the codes chosen in it; {@code offset} is clamped to
 * 0-10,000 and {@code limit} to 1-100 (20 when not positive).
 */
public record SearchRequest(String text, Map<String, List<String>> filters, int offset, int limit) {

    /** The facet dimensions, in the order pages show them: type, focus area, target group, publisher, evidence. */
    public static final List<String> DIMENSIONS = List.of("type", "focus", "target", "publisher", "evidence");

    public SearchRequest {
        text = text == null ? "" : text.strip();
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        // deep paging would make Lucene collect offset + limit hits; nobody pages that far
        offset = Math.min(Math.max(0, offset), 10_000);
        limit = limit <= 0 ? 20 : Math.min(limit, 100);
    }

    /** A free-text search without filters: the first 20 hits. */
    public static SearchRequest of(String text) {
        return new SearchRequest(text, Map.of(), 0, 20);
    }
}
