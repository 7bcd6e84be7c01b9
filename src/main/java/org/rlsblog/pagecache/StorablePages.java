package org.rlsblog.pagecache;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.regex.Pattern;
import org.rlsblog.article.CommentCookies;

/**
 * Which requests the page cache may answer, and which answers it may store: a GET for a reader page
 * (its path made of lower-case letters, digits and hyphens) with no query but a page number or the
 * search form's own. Readers with a cookie that shows them something of their own are not served
 * from the cache. The firewall check is {@link PageCacheFilter}'s.
 */
final class StorablePages {

    private static final int LONGEST_SEGMENT = 200;
    private static final int LONGEST_SEARCH = 300;
    private static final int PAGE_NUMBER_DIGITS = 4;

    private static final String SEGMENT = "[a-z0-9-]{1," + LONGEST_SEGMENT + "}";
    private static final String PAGE_NUMBER = "page=[0-9]{1," + PAGE_NUMBER_DIGITS + "}";
    private static final Pattern CACHED_PATHS = Pattern.compile("/|/archive|/tags/" + SEGMENT + "|/posts/" + SEGMENT
            + "|/" + SEGMENT + "|/feed\\.atom|/feed\\.rss|/comments/feed\\.atom|/tags/" + SEGMENT + "/feed\\.atom");
    /**
     * A draft's secret preview ({@code /preview/{token}}): the pattern above never matches it, and
     * this says so, in case the pattern grows a two-segment rule.
     */
    private static final String PREVIEWS = "/preview";

    private static final Pattern PAGE_QUERY = Pattern.compile(PAGE_NUMBER);
    /**
     * A search is kept like a list: rendering its page costs most of a search even with the results
     * reused. The store's size bound and admission policy keep a stream of one-off queries from
     * pushing out the articles.
     */
    private static final Pattern SEARCH_QUERY =
            Pattern.compile("q=[^&]{0," + LONGEST_SEARCH + "}(&" + PAGE_NUMBER + ")?");

    private static final Pattern CACHED_TYPES =
            Pattern.compile("(text/html|application/atom\\+xml|application/rss\\+xml)(;.*)?");

    /** The comment form's cookies: a reader's own pending comments, and their remembered details. */
    private static final Set<String> PERSONAL_COOKIES = Set.of(CommentCookies.PENDING, CommentCookies.REMEMBER);

    private StorablePages() {}

    /** Whether the page cache may answer this request, from a stored page or by storing a new one. */
    static boolean mayAnswer(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        // the decoded path, which the pages are stored under
        String path = request.getServletPath();
        if (!CACHED_PATHS.matcher(path).matches()
                || path.equals("/admin")
                || path.equals(PREVIEWS)
                || path.startsWith(PREVIEWS + "/")) {
            return false;
        }
        String query = request.getQueryString();
        if (path.equals("/search")) {
            return query != null && SEARCH_QUERY.matcher(query).matches() && !hasPersonalCookie(request);
        }
        return (query == null || PAGE_QUERY.matcher(query).matches()) && !hasPersonalCookie(request);
    }

    /** Whether the answer the chain made may be stored: a whole page, not yet sent. */
    static boolean mayStore(RecordingResponse recorded, HttpServletResponse response) {
        String contentType = recorded.getContentType();
        return recorded.getStatus() == HttpServletResponse.SC_OK
                && contentType != null
                && CACHED_TYPES.matcher(contentType).matches()
                && !response.isCommitted();
    }

    private static boolean hasPersonalCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (PERSONAL_COOKIES.contains(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
