package org.rlsblog.search;

import java.util.List;

/** A page of search results; {@code page} is 1-based. */
public record SearchResults(String query, List<SearchHit> hits, long total, int page, int totalPages) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    static SearchResults empty(String query) {
        return new SearchResults(query, List.of(), 0, 1, 1);
    }
}
