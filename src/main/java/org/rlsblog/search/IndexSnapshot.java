package org.rlsblog.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.IndexSearcher;
import org.rlsblog.content.Post;

/**
 * One index, and what has been worked out from it so far: related posts, and recent pages of
 * results. Both go when the index is swapped for the next one.
 */
record IndexSnapshot(IndexSearcher searcher, Map<String, List<Post>> related, Cache<String, SearchResults> results) {

    /**
     * How long a page of results is reused: a burst of readers searching the same words costs one
     * search and one round of highlighting. A scheduled post joins the results at most this late.
     */
    static final Duration RESULTS_KEPT = Duration.ofSeconds(10);

    /** Pages of results kept at most, whatever their age. */
    private static final int RESULTS_CACHED = 1_000;

    static IndexSnapshot of(IndexSearcher searcher) {
        return new IndexSnapshot(
                searcher,
                new ConcurrentHashMap<>(),
                Caffeine.newBuilder()
                        .maximumSize(RESULTS_CACHED)
                        .expireAfterWrite(RESULTS_KEPT)
                        .build());
    }
}
