package org.rlsblog.search;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.ContentChanged;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Search and related posts over an in-memory Lucene index of every post in the content snapshot,
 * built in the background and swapped whole when content changes. Scheduled posts are in the
 * index but filtered out until their date, and so are posts the catalog no longer publishes.
 */
@Service
public class SearchIndex {

    private static final int MAX_QUERY_LENGTH = 200;

    /** How long a search that comes before the first index waits for it. */
    private static final Duration FIRST_BUILD_WAIT = Duration.ofSeconds(30);

    private final PostCatalog catalog;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SearchIndexBuilder builder;
    private final PostSearch postSearch;
    private final RelatedPosts relatedPosts;
    private final AtomicReference<IndexSnapshot> snapshot = new AtomicReference<>();
    private final CountDownLatch firstBuild = new CountDownLatch(1);
    private volatile boolean closing;

    SearchIndex(PostCatalog catalog, Clock clock, ApplicationEventPublisher events, SearchProperties properties) {
        this.catalog = catalog;
        this.clock = clock;
        this.events = events;
        Analyzer analyzer = SearchFields.analyzer();
        this.builder = new SearchIndexBuilder(analyzer);
        this.postSearch = new PostSearch(catalog, analyzer, properties.timeLimit());
        this.relatedPosts = new RelatedPosts(catalog, analyzer);
    }

    /** Builds the first index off the start-up path: the site answers before search is ready. */
    @Async
    @EventListener(ApplicationReadyEvent.class)
    public void onStarted() {
        rebuild();
    }

    @Async
    @EventListener
    public void onContentChanged(ContentChanged event) {
        rebuild();
    }

    /**
     * Stops a build under way when the site shuts down. After a first start a build renders every
     * post (see {@link org.rlsblog.content.PostBody}), which would hold up a graceful shutdown past
     * the time a container is given before it is killed.
     */
    @EventListener(ContextClosedEvent.class)
    public void onClosing() {
        closing = true;
    }

    /** Page {@code page} of the published posts that match {@code query}, best first. */
    public SearchResults search(String query, int page, int pageSize) {
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            text = text.substring(0, MAX_QUERY_LENGTH);
        }
        IndexSnapshot current = readySnapshot();
        if (text.isEmpty() || current == null || page < 1) {
            return SearchResults.empty(text);
        }
        long now = clock.millis();
        String key = (now / IndexSnapshot.RESULTS_KEPT.toMillis()) + "|" + page + "|" + pageSize + "|" + text;
        String searched = text;
        return current.results().get(key, k -> postSearch.search(current.searcher(), searched, page, pageSize, now));
    }

    /**
     * Up to {@code limit} published posts like this one: most shared tags first, then similar text.
     * Never waits for the index: until the first one is built, shared tags alone decide (and a
     * {@link SearchIndexRebuilt} event tells when text similarity can join in).
     */
    public List<Post> related(Post post, int limit) {
        IndexSnapshot current = snapshot.get();
        List<Post> related = current == null
                ? relatedPosts.find(post, limit, null)
                : current.related()
                        .computeIfAbsent(
                                post.slug() + "|" + limit, key -> relatedPosts.find(post, limit, current.searcher()));
        return related.stream()
                .filter(p -> catalog.findPost(p.slug()).isPresent())
                .toList();
    }

    /** The index, waiting (briefly) for the first one to be built if a request comes that early. */
    private @Nullable IndexSnapshot readySnapshot() {
        IndexSnapshot current = snapshot.get();
        if (current != null) {
            return current;
        }
        try {
            firstBuild.await(FIRST_BUILD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return snapshot.get();
    }

    private synchronized void rebuild() {
        IndexSearcher searcher = builder.build(catalog.allPosts(), () -> closing);
        if (searcher == null) {
            return;
        }
        snapshot.set(IndexSnapshot.of(searcher));
        firstBuild.countDown();
        events.publishEvent(new SearchIndexRebuilt(catalog.loadedAt()));
    }
}
