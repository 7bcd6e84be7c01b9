package org.rlsblog.pagecache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentVersion;
import org.rlsblog.content.PostCatalog;
import org.springframework.dao.DataAccessException;

/**
 * Has the rest of the filter chain make a page the store lacks (or holds no longer current), sends
 * it, and stores it when {@link StorablePages} allows. What the page is made from is read before
 * the chain runs, so a change while it renders leaves the stored page looking older than it is,
 * never newer, and the next check remakes it.
 */
class PageRecorder {

    private final PostCatalog catalog;
    private final CommentService comments;
    private final PageStore store;
    private final Clock clock;

    PageRecorder(PostCatalog catalog, CommentService comments, PageStore store, Clock clock) {
        this.catalog = catalog;
        this.comments = comments;
        this.store = store;
        this.clock = clock;
    }

    void record(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String slug = PageStore.postSlug(request.getServletPath());
        Instant contentLoadedAt = catalog.loadedAt();
        Instant staleAt = catalog.nextPublication().orElse(Instant.MAX);
        CommentVersion version;
        try {
            version = slug == null ? CommentVersion.NONE : comments.version(slug);
        } catch (DataAccessException storeDown) {
            chain.doFilter(request, response);
            return;
        }
        RecordingResponse recorded = new RecordingResponse(response);
        chain.doFilter(request, recorded);
        Optional<StoredPage> made = Optional.empty();
        if (StorablePages.mayStore(recorded, response)) {
            PageSource source = new PageSource(slug, contentLoadedAt, version.version(), staleAt, clock.instant());
            made = stored(recorded, response, source, version);
        }
        if (made.isPresent()) {
            store.put(key, made.get());
            made.get().caching().sendWith(response);
        } else {
            recorded.sendHeldCachingHeaders();
        }
        recorded.copyBodyToResponse();
    }

    /** The recorded page as the store keeps it; empty when its per-answer values cannot be cut out. */
    private Optional<StoredPage> stored(
            RecordingResponse recorded, HttpServletResponse response, PageSource source, CommentVersion version) {
        byte[] body = recorded.getContentAsByteArray();
        return PageBody.cut(body)
                .map(cut -> new StoredPage(
                        cut,
                        StoredHeaders.of(response),
                        CachingHeaders.of(body, cut, lastModified(source, version), source.isArticle()),
                        recorded.getContentType(),
                        recorded.language(),
                        source,
                        new PageState(source.madeAt())));
    }

    /** A list changes with the content; an article also with its post's file or its comments. */
    private Instant lastModified(PageSource source, CommentVersion version) {
        String slug = source.postSlug();
        if (slug == null) {
            return source.contentLoadedAt();
        }
        return catalog.findPost(slug)
                .map(post -> post.lastModified().toInstant())
                .map(modified -> modified.isAfter(version.changedAt()) ? modified : version.changedAt())
                .orElse(source.contentLoadedAt());
    }
}
