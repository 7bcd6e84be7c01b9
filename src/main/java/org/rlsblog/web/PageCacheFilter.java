package org.rlsblog.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.CommentChanged;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentVersion;
import org.rlsblog.content.ContentChanged;
import org.rlsblog.content.PostCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the finished HTML of reader pages (home, tags, archive, stand-alone pages, articles with
 * their comments) so that most requests are answered without rendering a template. The two
 * per-request values an article page carries, the CSRF token and the comment form's signed time,
 * are cut out of the stored bytes and written fresh into each answer.
 *
 * <p>What is kept is keyed by path and interface language, and is used only while it is still
 * true: the content snapshot must be the same; an article's comment version (held in the
 * database, so shared by every replica) is checked at most once per {@code VERSION_CHECK}; lists,
 * which show comment counts, live {@code LIST_TTL}. A local change drops entries at once. Readers
 * who see something of their own (a pending comment, remembered form details, a reply form) and
 * requests with a query other than the page number are not served from here. Answers carry a
 * weak ETag and Last-Modified, so revalidation gets a 304.
 */
class PageCacheFilter extends OncePerRequestFilter {

    static final Duration VERSION_CHECK = Duration.ofSeconds(1);
    static final Duration LIST_TTL = Duration.ofSeconds(5);
    private static final Pattern CSRF_VALUE = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern FORM_TOKEN_VALUE = Pattern.compile("name=\"formToken\" value=\"([^\"]*)\"");
    private static final Pattern CACHED_PATHS =
            Pattern.compile("/|/archive|/tags/[a-z0-9-]{1,200}|/posts/[a-z0-9-]{1,200}|/[a-z0-9-]{1,200}");
    private static final Pattern PAGE_QUERY = Pattern.compile("page=[0-9]{1,4}");

    private final PostCatalog catalog;
    private final CommentService comments;
    private final LocaleResolver locales;
    private final Clock clock;
    private final Cache<String, Entry> cache;

    PageCacheFilter(PostCatalog catalog, CommentService comments, LocaleResolver locales, Clock clock, long maxBytes) {
        this.catalog = catalog;
        this.comments = comments;
        this.locales = locales;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry entry) -> entry.size())
                .build();
    }

    /**
     * A stored page: its bytes in up to three parts around the CSRF token and the form token, what
     * it was made from, and when that was last confirmed.
     */
    private record Entry(
            byte[][] parts,
            @Nullable String postSlug,
            Instant contentLoadedAt,
            long commentVersion,
            String etag,
            long lastModified,
            String contentType,
            Instant madeAt,
            java.util.concurrent.atomic.AtomicReference<Instant> checkedAt) {

        int size() {
            int size = 200;
            for (byte[] part : parts) {
                size += part.length;
            }
            return size;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        String path = request.getServletPath();
        if (!CACHED_PATHS.matcher(path).matches() || path.equals("/search") || path.equals("/admin")) {
            return true;
        }
        String query = request.getQueryString();
        return query != null && !PAGE_QUERY.matcher(query).matches() || hasPersonalCookie(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = locales.resolveLocale(request);
        String path = request.getServletPath();
        String key = path + "?" + (request.getQueryString() == null ? "" : request.getQueryString()) + "|"
                + locale.getLanguage();
        String slug = path.startsWith("/posts/") ? path.substring("/posts/".length()) : null;
        Entry entry = cache.getIfPresent(key);
        if (entry != null && isCurrent(entry)) {
            serve(entry, request, response);
            return;
        }
        Instant contentLoadedAt = catalog.loadedAt();
        CommentVersion version;
        try {
            version = slug == null ? CommentVersion.NONE : comments.version(slug);
        } catch (org.springframework.dao.DataAccessException storeDown) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        byte[] body = wrapper.getContentAsByteArray();
        if (wrapper.getStatus() == 200
                && wrapper.getContentType() != null
                && wrapper.getContentType().startsWith("text/html")
                && !response.isCommitted()) {
            Entry made = entry(body, slug, contentLoadedAt, version, wrapper.getContentType(), key);
            if (made != null) {
                cache.put(key, made);
                addValidators(made, response);
            }
        }
        wrapper.copyBodyToResponse();
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        cache.invalidateAll();
    }

    @EventListener
    void onCommentChanged(CommentChanged event) {
        cache.asMap()
                .keySet()
                .removeIf(key -> !key.startsWith("/posts/") || key.startsWith("/posts/" + event.postSlug() + "?"));
    }

    private boolean isCurrent(Entry entry) {
        if (!entry.contentLoadedAt().equals(catalog.loadedAt())) {
            return false;
        }
        Instant now = clock.instant();
        if (entry.postSlug() == null) {
            return entry.madeAt().plus(LIST_TTL).isAfter(now);
        }
        Instant checked = entry.checkedAt().get();
        if (checked.plus(VERSION_CHECK).isAfter(now)) {
            return true;
        }
        try {
            if (comments.version(entry.postSlug()).version() != entry.commentVersion()) {
                return false;
            }
        } catch (org.springframework.dao.DataAccessException storeDown) {
            return true; // keep serving what we have while the store is away
        }
        entry.checkedAt().set(now);
        return true;
    }

    private @Nullable Entry entry(
            byte[] body,
            @Nullable String slug,
            Instant contentLoadedAt,
            CommentVersion version,
            String contentType,
            String key) {
        String html = new String(body, StandardCharsets.UTF_8);
        Matcher csrf = CSRF_VALUE.matcher(html);
        Matcher formToken = FORM_TOKEN_VALUE.matcher(html);
        byte[][] parts;
        if (csrf.find() && formToken.find()) {
            if (csrf.end(1) > formToken.start(1) || csrf.find() || formToken.find()) {
                return null;
            }
            csrf.reset().find();
            formToken.reset().find();
            parts = new byte[][] {
                html.substring(0, csrf.start(1)).getBytes(StandardCharsets.UTF_8),
                html.substring(csrf.end(1), formToken.start(1)).getBytes(StandardCharsets.UTF_8),
                html.substring(formToken.end(1)).getBytes(StandardCharsets.UTF_8)
            };
        } else if (!html.contains("name=\"_csrf\"") && !html.contains("name=\"formToken\"")) {
            parts = new byte[][] {body};
        } else {
            return null;
        }
        Instant lastModified = slug == null
                ? contentLoadedAt
                : catalog.findPost(slug)
                        .map(p -> p.lastModified().toInstant())
                        .map(m -> m.isAfter(version.changedAt()) ? m : version.changedAt())
                        .orElse(contentLoadedAt);
        String etag = "W/\"" + Integer.toHexString(key.hashCode()) + "-" + contentLoadedAt.toEpochMilli() + "-"
                + version.version() + "\"";
        Instant now = clock.instant();
        return new Entry(
                parts,
                slug,
                contentLoadedAt,
                version.version(),
                etag,
                lastModified.toEpochMilli() / 1000 * 1000,
                contentType,
                now,
                new java.util.concurrent.atomic.AtomicReference<>(now));
    }

    private void serve(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        addValidators(entry, response);
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(entry.etag()) || ifNoneMatch.contains(entry.etag()))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(entry.contentType());
        byte[][] parts = entry.parts();
        if (parts.length == 1) {
            response.setContentLength(parts[0].length);
            response.getOutputStream().write(parts[0]);
            return;
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf == null) {
            throw new IllegalStateException("a cached form needs the CSRF filter to run first");
        }
        byte[] csrfValue = csrf.getToken().getBytes(StandardCharsets.UTF_8);
        byte[] formToken = comments.formToken().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(
                parts[0].length + csrfValue.length + parts[1].length + formToken.length + parts[2].length);
        var out = response.getOutputStream();
        out.write(parts[0]);
        out.write(csrfValue);
        out.write(parts[1]);
        out.write(formToken);
        out.write(parts[2]);
    }

    private static void addValidators(Entry entry, HttpServletResponse response) {
        response.setHeader("ETag", entry.etag());
        response.setDateHeader("Last-Modified", entry.lastModified());
        response.setHeader("Vary", "Accept-Language, Cookie");
        response.setHeader(
                "Cache-Control",
                entry.postSlug() != null ? "private, no-cache" : "public, max-age=60, stale-while-revalidate=60");
    }

    private static boolean hasPersonalCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            String name = cookie.getName();
            if (name.equals(CommentCookies.PENDING) || name.equals(CommentCookies.REMEMBER)) {
                return true;
            }
        }
        return false;
    }
}
