package org.rlsblog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;

/**
 * Runs one search against an index: a page of the published posts that match, best first. The
 * query is read by Lucene's simple query parser, which has no syntax errors: quotes, {@code *},
 * {@code +} and {@code -} either work or are taken as text.
 */
final class PostSearch {

    /** The most hits counted and paged through: past it, a query is too broad to be of use. */
    private static final int MAX_HITS = 10_000;

    private final PostCatalog catalog;
    private final Analyzer analyzer;

    PostSearch(PostCatalog catalog, Analyzer analyzer) {
        this.catalog = catalog;
        this.analyzer = analyzer;
    }

    /** Page {@code page} of the posts that match {@code text} and were published by {@code now}. */
    SearchResults search(IndexSearcher searcher, String text, int page, int pageSize, long now) {
        Query parsed = new SimpleQueryParser(analyzer, SearchFields.WEIGHTS).parse(text);
        if (parsed == null || parsed instanceof MatchNoDocsQuery) {
            return SearchResults.empty(text);
        }
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
            return new SearchResults(text, hits, total, page, totalPages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
