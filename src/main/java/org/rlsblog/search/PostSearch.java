package org.rlsblog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one search against an index: a page of the published posts that match, best first. The
 * query is read by Lucene's simple query parser, which has no syntax errors: quotes, {@code *},
 * {@code +} and {@code -} either work or are taken as text. What one query may cost is bounded by
 * {@link BoundedQueryParser} and a time limit.
 */
final class PostSearch {

    /** The most hits counted and paged through: past it, a query is too broad to be of use. */
    private static final int MAX_HITS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(PostSearch.class);

    private final PostCatalog catalog;
    private final Analyzer analyzer;
    private final Duration timeLimit;

    PostSearch(PostCatalog catalog, Analyzer analyzer, Duration timeLimit) {
        this.catalog = catalog;
        this.analyzer = analyzer;
        this.timeLimit = timeLimit;
    }

    /**
     * Page {@code page} of the posts that match {@code text} and were published by {@code now}.
     * Collecting hits stops after {@code blog.search.time-limit}; only the page's hits are highlighted.
     */
    SearchResults search(IndexSearcher shared, String text, int page, int pageSize, long now) {
        BoundedQueryParser parser = new BoundedQueryParser(analyzer, SearchFields.WEIGHTS);
        Query parsed = parser.parse(text);
        if (parsed == null || parsed instanceof MatchNoDocsQuery) {
            return new SearchResults(text, List.of(), 0, 1, 1, parser.shortened(), false);
        }
        // a searcher of its own for the time limit (the limit's clock starts when it is made);
        // it shares the index reader, so it costs next to nothing
        IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(timeLimit.toMillis()));
        Query visible = new BooleanQuery.Builder()
                .add(parsed, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(SearchFields.PUBLISHED, Long.MIN_VALUE, now), BooleanClause.Occur.FILTER)
                .build();
        try {
            TopDocs top = searcher.search(visible, Math.min(page * pageSize, MAX_HITS));
            long total = top.totalHits.value;
            int totalPages = (int) Math.max(1, (Math.min(total, MAX_HITS) + pageSize - 1) / pageSize);
            List<SearchHit> hits = new ArrayList<>();
            SnippetHighlighter highlighter = new SnippetHighlighter(parsed);
            for (int i = (page - 1) * pageSize; i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                Post post = catalog.findPost(PostDocuments.slugOf(searcher, scoreDoc.doc))
                        .orElse(null);
                if (post == null) {
                    continue;
                }
                hits.add(new SearchHit(post.slug(), post.title(), highlighter.snippet(PostDocuments.text(post))));
            }
            if (searcher.timedOut()) {
                log.info("A search ran out of its time ({}), answered with the hits found until then", timeLimit);
            }
            return new SearchResults(text, hits, total, page, totalPages, parser.shortened(), searcher.timedOut());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
