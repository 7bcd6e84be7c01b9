package org.rlsblog.pagecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.parser.AcceptEncoding;
import org.jspecify.annotations.Nullable;
import org.rlsblog.article.CommentCookies;
import org.rlsblog.comments.CommentChanged;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentVersion;
import org.rlsblog.content.ContentChanged;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.search.SearchIndexRebuilt;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Keeps the finished HTML of reader pages (home, tags, archive, stand-alone pages, articles with
 * their comments) and the feeds, and answers most requests for them with those bytes, in front of every other
 * filter: a stored page costs a map lookup and a copy, not the security filter chain, MVC and a
 * template. The two per-request values an article page carries, the CSRF token and the comment
 * form's signed time, are cut out of the stored bytes and written fresh into each answer, with
 * the CSRF token made (and its cookie set) exactly as Spring Security's CSRF filter makes it. The
 * headers the rest of the chain added to the stored answer (Content-Security-Policy and the other
 * protective headers) are stored with it and sent again.
 *
 * <p>Because a stored page skips Spring Security's firewall, the filter checks the request
 * itself: only a GET whose raw path is made of lower-case letters, digits and hyphens (so no
 * encoded, dotted or parameter-carrying path can reach a stored page), the same as the path the
 * servlet sees, with no query but a page number. Anything else passes through untouched.
 *
 * <p>What is kept is keyed by path, interface language and scheme, and is used only while it is
 * still true: the content snapshot must be the same; an article's comment version (held in the
 * database, so shared by every replica) is checked at most once per {@code VERSION_CHECK}; lists,
 * which show comment counts, live {@code LIST_TTL}. A local change drops entries at once. Readers
 * who see something of their own (a pending comment, remembered form details, a reply form) are
 * not served from here. A page is also remade once a scheduled post has gone live since it was made.
 *
 * <p>Pages without per-answer values (lists, feeds, searches) carry a weak ETag made from their
 * bytes, and Last-Modified, so revalidation gets a 304 until the page itself changes. An article
 * carries neither: a 304 would have the browser reuse the tokens of its old copy, which fail once
 * the reader's token cookie is gone or the form token has expired, and its comment would be refused.
 */
public class PageCacheFilter extends OncePerRequestFilter {

    static final Duration VERSION_CHECK = Duration.ofSeconds(1);
    static final Duration LIST_TTL = Duration.ofSeconds(5);
    /**
     * A page up to this size goes to Tomcat's response buffer whole, so headers and body leave in
     * one write. A larger one (the feeds, about 190 KB) is written past the buffer, straight to the
     * socket: Tomcat drops a buffer over 16 times its default 8 KB when it recycles the response,
     * so sizing the buffer to such a page allocated, zeroed and filled a new one on every request.
     */
    public static final int LARGEST_RESPONSE_BUFFER = 64 * 1024;

    private static final Pattern CSRF_VALUE = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern FORM_TOKEN_VALUE = Pattern.compile("name=\"formToken\" value=\"([^\"]*)\"");
    private static final Pattern CACHED_PATHS = Pattern.compile(
            "/|/archive|/tags/[a-z0-9-]{1,200}|/posts/[a-z0-9-]{1,200}"
                    + "|/[a-z0-9-]{1,200}|/feed\\.atom|/feed\\.rss|/comments/feed\\.atom|/tags/[a-z0-9-]{1,200}/feed\\.atom");
    private static final Pattern CACHED_TYPES =
            Pattern.compile("(text/html|application/atom\\+xml|application/rss\\+xml)(;.*)?");
    private static final Pattern PAGE_QUERY = Pattern.compile("page=[0-9]{1,4}");
    /**
     * A search ({@code /search?q=…}, the form's own query string) is kept like a list, for {@link
     * #LIST_TTL}: Thymeleaf rendering its page took most of a search's time even with the results
     * reused (390-420 answers/s on 2 cores). The cache's size bound and admission policy keep a
     * stream of one-off queries from pushing out the articles.
     */
    private static final Pattern SEARCH_QUERY = Pattern.compile("q=[^&]{0,300}(&page=[0-9]{1,4})?");

    private final PostCatalog catalog;
    private final CommentService comments;
    private final LocaleResolver locales;
    private final CsrfTokenRepository csrfTokens;
    private final CsrfTokenRequestHandler csrfHandler;
    private final Clock clock;
    private final Cache<String, Entry> cache;
    private final Timer storedAnswers;

    PageCacheFilter(
            PostCatalog catalog,
            CommentService comments,
            LocaleResolver locales,
            CsrfTokenRepository csrfTokens,
            CsrfTokenRequestHandler csrfHandler,
            Clock clock,
            long maxBytes,
            MeterRegistry meters) {
        this.catalog = catalog;
        this.comments = comments;
        this.locales = locales;
        this.csrfTokens = csrfTokens;
        this.csrfHandler = csrfHandler;
        this.clock = clock;
        this.storedAnswers = Timer.builder("blog.pages.stored")
                .description("Pages answered from the page cache, in front of the other filters")
                .register(meters);
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry entry) -> entry.size())
                .build();
    }

    /**
     * A stored page: its bytes in up to three parts around the CSRF token and the form token, the
     * headers sent with it, what it was made from, and when that was last confirmed.
     */
    private record Entry(
            byte[][] parts,
            SplicedGzip gzip,
            StoredHeaders headers,
            @Nullable String postSlug,
            Instant contentLoadedAt,
            long commentVersion,
            Instant staleAt,
            @Nullable String etag,
            long lastModified,
            String contentType,
            @Nullable Locale contentLanguage,
            Instant madeAt,
            AtomicReference<Instant> checkedAt,
            AtomicBoolean outdated,
            AtomicBoolean remaking) {

        int size() {
            int size = 200 + headers.size() + gzip.size();
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
        String path = request.getRequestURI();
        if (!CACHED_PATHS.matcher(path).matches() || !path.equals(request.getServletPath()) || path.equals("/admin")) {
            return true;
        }
        String query = request.getQueryString();
        if (path.equals("/search")) {
            return query == null || !SEARCH_QUERY.matcher(query).matches() || hasPersonalCookie(request);
        }
        return query != null && !PAGE_QUERY.matcher(query).matches() || hasPersonalCookie(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = locales.resolveLocale(request);
        String path = request.getServletPath();
        String key = path + "?" + (request.getQueryString() == null ? "" : request.getQueryString()) + "|"
                + locale.getLanguage() + (request.isSecure() ? "|s" : "");
        Entry entry = cache.getIfPresent(key);
        if (entry != null && (isCurrent(entry) || !entry.remaking().compareAndSet(false, true))) {
            // current, or being made anew by another request right now: readers arriving in the
            // meantime get the previous version instead of all rendering the page at once
            long start = System.nanoTime();
            serve(entry, request, response);
            storedAnswers.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            return;
        }
        try {
            makeAndStore(key, path, request, response, chain);
        } finally {
            if (entry != null) {
                entry.remaking().set(false);
            }
        }
    }

    private void makeAndStore(
            String key, String path, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String slug = path.startsWith("/posts/") ? path.substring("/posts/".length()) : null;
        Instant contentLoadedAt = catalog.loadedAt();
        Instant staleAt = catalog.nextPublication().orElse(Instant.MAX);
        CommentVersion version;
        try {
            version = slug == null ? CommentVersion.NONE : comments.version(slug);
        } catch (org.springframework.dao.DataAccessException storeDown) {
            chain.doFilter(request, response);
            return;
        }
        PageRecorder recorder = new PageRecorder(response);
        chain.doFilter(request, recorder);
        byte[] body = recorder.getContentAsByteArray();
        Entry made = null;
        if (recorder.getStatus() == 200
                && recorder.getContentType() != null
                && CACHED_TYPES.matcher(recorder.getContentType()).matches()
                && !response.isCommitted()) {
            made = entry(
                    body,
                    StoredHeaders.of(response),
                    slug,
                    contentLoadedAt,
                    staleAt,
                    version,
                    recorder.getContentType(),
                    recorder.language());
        }
        if (made != null) {
            cache.put(key, made);
            addValidators(made, response);
        } else {
            recorder.sendHeldCachingHeaders();
        }
        recorder.copyBodyToResponse();
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        cache.invalidateAll();
    }

    /** Article pages list related posts, which the index's text similarity helps choose. */
    @EventListener
    void onSearchIndexRebuilt(SearchIndexRebuilt event) {
        cache.invalidateAll();
    }

    /**
     * Marks the pages that show the post's comments (the article, and the lists with comment
     * counts) as outdated: the next request makes them anew, while others still get them.
     */
    @EventListener
    void onCommentChanged(CommentChanged event) {
        cache.asMap().forEach((key, entry) -> {
            if (!key.startsWith("/posts/") || key.startsWith("/posts/" + event.postSlug() + "?")) {
                entry.outdated().set(true);
            }
        });
    }

    private boolean isCurrent(Entry entry) {
        if (entry.outdated().get() || !entry.contentLoadedAt().equals(catalog.loadedAt())) {
            return false;
        }
        Instant now = clock.instant();
        if (!now.isBefore(entry.staleAt())) {
            return false;
        }
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
            StoredHeaders headers,
            @Nullable String slug,
            Instant contentLoadedAt,
            Instant staleAt,
            CommentVersion version,
            String contentType,
            @Nullable Locale contentLanguage) {
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
        String etag = parts.length == 1 ? "W/\"" + DigestUtils.md5DigestAsHex(body) + "\"" : null;
        Instant now = clock.instant();
        return new Entry(
                parts,
                SplicedGzip.of(parts),
                headers,
                slug,
                contentLoadedAt,
                version.version(),
                staleAt,
                etag,
                lastModified.toEpochMilli() / 1000 * 1000,
                contentType,
                contentLanguage,
                now,
                new AtomicReference<>(now),
                new AtomicBoolean(),
                new AtomicBoolean());
    }

    private void serve(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        entry.headers().sendWith(response);
        addValidators(entry, response);
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null
                && entry.etag() != null
                && (ifNoneMatch.equals(entry.etag()) || ifNoneMatch.contains(entry.etag()))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(entry.contentType());
        if (entry.contentLanguage() != null) {
            response.setLocale(entry.contentLanguage());
        }
        byte[][] parts = entry.parts();
        byte[][] values = parts.length == 1
                ? new byte[0][]
                : new byte[][] {
                    csrfToken(request, response).getBytes(StandardCharsets.UTF_8),
                    comments.formToken().getBytes(StandardCharsets.UTF_8)
                };
        var out = response.getOutputStream();
        if (acceptsGzip(request)) {
            // Content-Encoding set here also keeps Tomcat from compressing the answer again
            response.setHeader("Content-Encoding", "gzip");
            int length = entry.gzip().length(values);
            response.setBufferSize(Math.min(length, LARGEST_RESPONSE_BUFFER));
            response.setContentLength(length);
            entry.gzip().writeTo(out, values);
            return;
        }
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        for (byte[] value : values) {
            length += value.length;
        }
        response.setBufferSize(Math.min(length, LARGEST_RESPONSE_BUFFER));
        response.setContentLength(length);
        for (int i = 0; i < parts.length; i++) {
            out.write(parts[i]);
            if (i < values.length) {
                out.write(values[i]);
            }
        }
    }

    /** Whether the client takes gzip: named (or {@code *}) with a quality above zero, and not refused. */
    private static boolean acceptsGzip(HttpServletRequest request) {
        String header = String.join(", ", java.util.Collections.list(request.getHeaders("Accept-Encoding")));
        if (header.isEmpty()) {
            return false;
        }
        try {
            boolean gzip = false;
            boolean anyOther = false;
            for (AcceptEncoding encoding : AcceptEncoding.parse(new java.io.StringReader(header))) {
                if (encoding.getEncoding().equalsIgnoreCase("gzip")
                        || encoding.getEncoding().equalsIgnoreCase("x-gzip")) {
                    if (encoding.getQuality() <= 0) {
                        return false;
                    }
                    gzip = true;
                } else if (encoding.getEncoding().equals("*") && encoding.getQuality() > 0) {
                    anyOther = true;
                }
            }
            return gzip || anyOther;
        } catch (IOException malformed) {
            return false;
        }
    }

    /**
     * The masked CSRF token for this answer, loaded from (or made and saved to) the reader's cookie
     * as Spring Security's {@code CsrfFilter} does for a GET.
     */
    private String csrfToken(HttpServletRequest request, HttpServletResponse response) {
        DeferredCsrfToken deferred = csrfTokens.loadDeferredToken(request, response);
        request.setAttribute(DeferredCsrfToken.class.getName(), deferred);
        csrfHandler.handle(request, response, deferred::get);
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            throw new IllegalStateException("the CSRF request handler set no token");
        }
        return token.getToken();
    }

    private static void addValidators(Entry entry, HttpServletResponse response) {
        if (entry.etag() != null) {
            response.setHeader("ETag", entry.etag());
            response.setDateHeader("Last-Modified", entry.lastModified());
        }
        response.setHeader("Vary", "Accept-Encoding, Accept-Language, Cookie");
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
