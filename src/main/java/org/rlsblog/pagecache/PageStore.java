package org.rlsblog.pagecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.CommentChanged;
import org.rlsblog.comments.CommentService;
import org.rlsblog.content.ContentChanged;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.search.SearchIndexRebuilt;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;

/**
 * The stored pages, keyed by path, query, interface language and scheme, and bounded by their
 * bytes. A page is used only while it is still true: the content snapshot must be the same; an
 * article's comment version (held in the database, so shared by every replica) is checked at most
 * once per {@link #VERSION_CHECK}; lists, which show comment counts, live {@link #LIST_TTL}; and a
 * page is remade once a scheduled post has gone live since it was made. A local change drops or
 * outdates entries at once.
 */
class PageStore {

    static final Duration VERSION_CHECK = Duration.ofSeconds(1);
    static final Duration LIST_TTL = Duration.ofSeconds(5);

    private static final String ARTICLES = "/posts/";

    private final PostCatalog catalog;
    private final CommentService comments;
    private final Clock clock;
    private final Cache<String, StoredPage> pages;

    PageStore(PostCatalog catalog, CommentService comments, Clock clock, long maxBytes) {
        this.catalog = catalog;
        this.comments = comments;
        this.clock = clock;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, StoredPage page) -> page.size())
                .build();
    }

    /** The key of the page a request asks for, in the interface language it gets. */
    static String key(HttpServletRequest request, Locale language) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        return request.getServletPath() + "?" + query + "|" + language.getLanguage() + (request.isSecure() ? "|s" : "");
    }

    /** The slug of the post whose article is at {@code path}, or {@code null} for any other page. */
    static @Nullable String postSlug(String path) {
        return path.startsWith(ARTICLES) ? path.substring(ARTICLES.length()) : null;
    }

    @Nullable
    StoredPage get(String key) {
        return pages.getIfPresent(key);
    }

    void put(String key, StoredPage page) {
        pages.put(key, page);
    }

    /** Whether the page still shows what a new one would; may ask the database for an article. */
    boolean isCurrent(StoredPage page) {
        PageSource source = page.source();
        if (page.state().isOutdated() || !source.contentLoadedAt().equals(catalog.loadedAt())) {
            return false;
        }
        Instant now = clock.instant();
        if (!now.isBefore(source.staleAt())) {
            return false;
        }
        if (!source.isArticle()) {
            return source.madeAt().plus(LIST_TTL).isAfter(now);
        }
        if (page.state().checkedWithin(VERSION_CHECK, now)) {
            return true;
        }
        try {
            if (comments.version(source.postSlug()).version() != source.commentVersion()) {
                return false;
            }
        } catch (DataAccessException storeDown) {
            return true; // keep serving what we have while the store is away
        }
        page.state().confirmedAt(now);
        return true;
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        pages.invalidateAll();
    }

    /** Article pages list related posts, which the index's text similarity helps choose. */
    @EventListener
    void onSearchIndexRebuilt(SearchIndexRebuilt event) {
        pages.invalidateAll();
    }

    /**
     * Marks the pages that show the post's comments (the article, and the lists with comment
     * counts) as outdated: the next request makes them anew, while others still get them.
     */
    @EventListener
    void onCommentChanged(CommentChanged event) {
        pages.asMap().forEach((key, page) -> {
            if (!key.startsWith(ARTICLES) || key.startsWith(ARTICLES + event.postSlug() + "?")) {
                page.state().markOutdated();
            }
        });
    }
}
