package org.rlsblog.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.PostList;
import org.rlsblog.content.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts like a given one: those sharing the most tags first, then those with the most similar text, then the newest. */
final class RelatedPosts {

    private static final Logger log = LoggerFactory.getLogger(RelatedPosts.class);

    /** The posts of one tag read when counting shared tags. */
    private static final int POSTS_PER_TAG = 200;

    /** Similar posts looked at for each one asked for, so that those sharing tags can be ranked among them. */
    private static final int SIMILAR_PER_RELATED = 4;

    /** How often a word must occur in the post to say what it is about. */
    private static final int MIN_TERM_FREQUENCY = 2;

    private static final int MIN_DOC_FREQUENCY = 1;

    private final PostCatalog catalog;
    private final Analyzer analyzer;

    RelatedPosts(PostCatalog catalog, Analyzer analyzer) {
        this.catalog = catalog;
        this.analyzer = analyzer;
    }

    /** Up to {@code limit} posts like {@code post}; without an index, shared tags alone decide. */
    List<Post> find(Post post, int limit, @Nullable IndexSearcher index) {
        Map<String, Integer> sharedTags = new HashMap<>();
        Map<String, Post> bySlug = new LinkedHashMap<>();
        for (Tag tag : post.tags()) {
            List<Post> tagged = catalog.tagged(tag.slug(), 1, POSTS_PER_TAG)
                    .map(PostList::posts)
                    .orElse(List.of());
            for (Post other : tagged) {
                if (!other.slug().equals(post.slug())) {
                    sharedTags.merge(other.slug(), 1, Integer::sum);
                    bySlug.putIfAbsent(other.slug(), other);
                }
            }
        }
        Map<String, Float> similarity = index == null ? Map.of() : similarTo(index, post, limit * SIMILAR_PER_RELATED);
        similarity.keySet().forEach(slug -> catalog.findPost(slug).ifPresent(p -> bySlug.putIfAbsent(slug, p)));
        return bySlug.values().stream()
                .sorted(Comparator.comparing((Post p) -> sharedTags.getOrDefault(p.slug(), 0))
                        .reversed()
                        .thenComparing(p -> -similarity.getOrDefault(p.slug(), 0f))
                        .thenComparing(Post::published, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    /** Up to {@code count} other posts whose text is like this one's, with how alike. */
    private Map<String, Float> similarTo(IndexSearcher searcher, Post post, int count) {
        Map<String, Float> scores = new LinkedHashMap<>();
        try {
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            String lang = SearchFields.language(post);
            mlt.setFieldNames(new String[] {SearchFields.TITLE + lang, SearchFields.BODY + lang});
            mlt.setMinTermFreq(MIN_TERM_FREQUENCY);
            mlt.setMinDocFreq(MIN_DOC_FREQUENCY);
            // the index keeps no text: the post's own text is read again, as the index build read it
            Query like = mlt.like(
                    SearchFields.BODY + lang, new StringReader(post.title() + "\n" + PostDocuments.text(post)));
            // one more than asked for: the post itself is among them
            for (ScoreDoc hit : searcher.search(like, count + 1).scoreDocs) {
                String slug = PostDocuments.slugOf(searcher, hit.doc);
                if (!slug.equals(post.slug())) {
                    scores.put(slug, hit.score);
                }
            }
        } catch (IOException e) {
            log.warn("Related posts for {} not found: {}", post.slug(), e.toString());
        }
        return scores;
    }
}
