package org.rlsblog.pagecache;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.util.DigestUtils;

/**
 * The caching headers sent with a stored page. A page without per-answer values carries a weak
 * ETag made from its bytes, and Last-Modified, so revalidation gets a 304 until the page itself
 * changes. An article with a comment form carries neither: a 304 would have the browser reuse the
 * tokens of its old copy, which fail once the reader's token cookie is gone or the form token has
 * expired, and its comment would be refused.
 *
 * @param etag the weak ETag, or {@code null} for a page with per-answer values
 * @param lastModified when the page last changed, in whole seconds (as HTTP dates are)
 * @param article whether the page is an article, which only the reader's browser may keep
 */
record CachingHeaders(@Nullable String etag, long lastModified, boolean article) {

    /** How long browsers and proxies may keep a list, and then use it while they revalidate. */
    static final Duration LIST_MAX_AGE = Duration.ofMinutes(1);

    static final String LIST_CACHE_CONTROL =
            "public, max-age=" + LIST_MAX_AGE.toSeconds() + ", stale-while-revalidate=" + LIST_MAX_AGE.toSeconds();
    static final String ARTICLE_CACHE_CONTROL = "private, no-cache";
    static final String VARY = "Accept-Encoding, Accept-Language, Cookie";

    static CachingHeaders of(byte[] body, PageBody cut, Instant lastModified, boolean article) {
        String etag = cut.takesAnswerValues() ? null : "W/\"" + DigestUtils.md5DigestAsHex(body) + "\"";
        return new CachingHeaders(
                etag, lastModified.truncatedTo(ChronoUnit.SECONDS).toEpochMilli(), article);
    }

    /** Whether the client's {@code If-None-Match} names this page as it is now. */
    boolean matches(@Nullable String ifNoneMatch) {
        return ifNoneMatch != null && etag != null && ifNoneMatch.contains(etag);
    }

    void sendWith(HttpServletResponse response) {
        if (etag != null) {
            response.setHeader("ETag", etag);
            response.setDateHeader("Last-Modified", lastModified);
        }
        response.setHeader("Vary", VARY);
        response.setHeader("Cache-Control", article ? ARTICLE_CACHE_CONTROL : LIST_CACHE_CONTROL);
    }
}
