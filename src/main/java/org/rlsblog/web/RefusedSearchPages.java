package org.rlsblog.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.ContentChanged;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

/**
 * The search page a refused search gets. The first refusal of each language, reason and wait is
 * made by the whole chain (security headers, layout, messages) with stand-ins for the reader's
 * words; later ones splice their words, escaped, into that page, so that a refusal costs about what
 * a stored page costs. A page that holds a per-reader value (a CSRF token) is never kept.
 */
@Component
final class RefusedSearchPages {

    static final String QUERY = "q";

    /** The language switch's parameter: it sets a cookie, so such a request is made in full. */
    private static final String LANGUAGE_SWITCH = "lang";

    /** A page carrying this was made for one reader: it must not be answered to others. */
    private static final String PER_READER_TOKEN = "_csrf";

    /** Kept pages at most: languages × two reasons × the waits a rate limit gives. */
    private static final int MOST_KEPT = 256;

    private static final int STAND_IN_BYTES = 12;

    /** Headers made afresh for each answer, or belonging to the first reader alone. */
    private static final Set<String> NOT_KEPT = OneAnswerHeaders.and("retry-after");

    private record Key(String language, boolean busy, long retryAfterSeconds) {}

    private record Kept(
            int status, String contentType, Locale locale, Map<String, List<String>> headers, String body) {}

    private final LocaleResolver locales;
    /** Stand-ins for the words in text and attributes, and in links; random, so no page can hold them. */
    private final String textStandIn = standIn();

    private final String linkStandIn = standIn();
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    RefusedSearchPages(LocaleResolver locales) {
        this.locales = locales;
    }

    /** Answers a refused search with the search page, the reader's words in the box. */
    void answer(SearchRefusal refusal, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(SearchRefusal.ATTRIBUTE, refusal);
        String words = String.valueOf(request.getParameter(QUERY)).strip();
        if (request.getParameter(LANGUAGE_SWITCH) != null) {
            chain.doFilter(request, response);
            return;
        }
        Key key = new Key(locales.resolveLocale(request).getLanguage(), refusal.busy(), refusal.retryAfterSeconds());
        Kept page = kept.get(key);
        if (page == null) {
            page = make(refusal, request, response, chain);
            if (page.status() == refusal.status()
                    && page.contentType().startsWith("text/html")
                    && page.body().contains(textStandIn)
                    && !page.body().contains(PER_READER_TOKEN)
                    && kept.size() < MOST_KEPT) {
                kept.putIfAbsent(key, page);
            }
        }
        write(page, words, refusal, response);
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        // the layout shows the site's pages and title, which may have changed
        kept.clear();
    }

    private Kept make(
            SearchRefusal refusal, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
        chain.doFilter(new WithStandIns(request), recording);
        String contentType = String.valueOf(recording.getContentType());
        Charset charset = Charset.forName(recording.getCharacterEncoding());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        return new Kept(
                recording.getStatus(),
                contentType,
                response.getLocale(),
                headers,
                new String(recording.getContentAsByteArray(), charset));
    }

    private void write(Kept page, String words, SearchRefusal refusal, HttpServletResponse response)
            throws IOException {
        response.setStatus(page.status());
        page.headers().forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        response.setLocale(page.locale());
        response.setContentType(page.contentType());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        String link = URLEncoder.encode(words, StandardCharsets.UTF_8);
        byte[] body = page.body()
                .replace(textStandIn, HtmlUtils.htmlEscape(words))
                .replace(linkStandIn, HtmlUtils.htmlEscape(link))
                .getBytes(Charset.forName(response.getCharacterEncoding()));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String standIn() {
        byte[] bytes = new byte[STAND_IN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return "w" + HexFormat.of().formatHex(bytes);
    }

    /** The request with stand-ins for the words, and no other query (a page number is not shown). */
    private final class WithStandIns extends HttpServletRequestWrapper {

        WithStandIns(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getParameter(String name) {
            return QUERY.equals(name) ? textStandIn : super.getParameter(name);
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return QUERY.equals(name) ? new String[] {textStandIn} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new HashMap<>(super.getParameterMap());
            parameters.put(QUERY, new String[] {textStandIn});
            return parameters;
        }

        @Override
        public String getQueryString() {
            return QUERY + "=" + linkStandIn;
        }
    }
}
