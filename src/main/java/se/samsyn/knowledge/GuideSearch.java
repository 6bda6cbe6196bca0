package se.samsyn.knowledge;

import java.util.List;

/**
 * Swedish full-text search over the published entries, with facet counts per dimension of
 * {@link SearchRequest#DIMENSIONS}. A change to the guide is searchable on every instance within a
 * few seconds (ADR 6 on how definite forms and compounds are treated).
 */
public interface GuideSearch {

    /** A page of hits for the request, with the facet counts and the total. */
    SearchResult search(SearchRequest request);

    /** Up to 8 titles matching what has been typed so far, the last word as a prefix. */
    List<Suggestion> suggest(String typed);

    /** The number of published entries in this instance's index now. */
    int indexedEntries();
}
