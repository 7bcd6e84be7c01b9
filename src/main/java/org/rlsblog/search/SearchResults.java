package org.rlsblog.search;

import java.util.List;

/**
 * A page of search results; {@code page} is 1-based. {@code shortened}: a bound on what one query
 * may cost left out some of its words or took a pattern as a plain word. {@code incomplete}: the
 * search ran out of its time and these are the hits found until then.
 */
public record SearchResults(
        String query,
        List<SearchHit> hits,
        long total,
        int page,
        int totalPages,
        boolean shortened,
        boolean incomplete) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    static SearchResults empty(String query) {
        return new SearchResults(query, List.of(), 0, 1, 1, false, false);
    }
}
