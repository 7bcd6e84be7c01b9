package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rlsblog.content.ContentChanged;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A refused search is made by the chain once per language, reason and wait, and later ones are
 * answered from that page with their own words, escaped. The chain here stands in for the site:
 * it writes the words where the search page does (text, attribute, link).
 */
class RefusedSearchPagesTests {

    private final AtomicInteger made = new AtomicInteger();
    private final RefusedSearchPages pages = new RefusedSearchPages(new FixedLocaleResolver(Locale.ENGLISH));

    @Test
    void makesTheFirstRefusalInFullAndSplicesTheWordsOfLaterOnes() throws Exception {
        MockHttpServletResponse first = refuse("calf cramps", SearchRefusal.tooMany(2), searchPage());
        MockHttpServletResponse second = refuse("<b>iron</b> & \"ferritin\"", SearchRefusal.tooMany(2), searchPage());

        assertThat(made).hasValue(1);
        assertThat(first.getContentAsString()).isEqualTo(page("calf cramps", "calf+cramps", 2));
        assertThat(second.getContentAsString())
                .isEqualTo(page("<b>iron</b> & \"ferritin\"", "%3Cb%3Eiron%3C%2Fb%3E+%26+%22ferritin%22", 2));
        assertThat(second.getStatus()).isEqualTo(429);
        assertThat(second.getHeader("Retry-After")).isEqualTo("2");
        assertThat(second.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(second.getHeader("Set-Cookie")).isNull();
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
    }

    @Test
    void makesAPageForEachReasonAndWait() throws Exception {
        refuse("liver", SearchRefusal.tooMany(2), searchPage());
        refuse("liver", SearchRefusal.tooMany(3), searchPage());
        MockHttpServletResponse busy = refuse("liver", SearchRefusal.busy(1), searchPage());
        refuse("legs", SearchRefusal.busy(1), searchPage());

        assertThat(made).hasValue(3);
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getContentAsString()).contains("busy");
    }

    @Test
    void neverKeepsAPageWithAPerReaderToken() throws Exception {
        FilterChain withToken = (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(429);
            http.setContentType("text/html;charset=UTF-8");
            http.getWriter()
                    .write("<p>" + HtmlUtils.htmlEscape(request.getParameter("q"))
                            + "</p><input name=\"_csrf\" value=\"reader-" + made.incrementAndGet() + "\">");
        };
        refuse("liver", SearchRefusal.tooMany(2), withToken);
        MockHttpServletResponse second = refuse("legs", SearchRefusal.tooMany(2), withToken);

        assertThat(made).hasValue(2);
        assertThat(second.getContentAsString()).contains("<p>legs</p>", "reader-2");
    }

    @Test
    void makesThePagesAgainWhenTheContentChanges() throws Exception {
        refuse("liver", SearchRefusal.tooMany(2), searchPage());
        pages.onContentChanged(new ContentChanged(Instant.now(), 1, 1, 0));
        refuse("liver", SearchRefusal.tooMany(2), searchPage());

        assertThat(made).hasValue(2);
    }

    @Test
    void makesALanguageSwitchInFull() throws Exception {
        refuse("liver", SearchRefusal.tooMany(2), searchPage());
        MockHttpServletRequest request = search("legs");
        request.setParameter("lang", "nl");
        request.setQueryString("q=legs&lang=nl");
        MockHttpServletResponse response = new MockHttpServletResponse();
        pages.answer(SearchRefusal.tooMany(2), request, response, searchPage());

        assertThat(made).hasValue(2);
        assertThat(response.getContentAsString()).contains("<h1>Search: legs</h1>");
    }

    /** What the site's chain does for a refused search, in small. */
    private FilterChain searchPage() {
        return (request, response) -> {
            made.incrementAndGet();
            HttpServletRequest http = (HttpServletRequest) request;
            SearchRefusal refusal = (SearchRefusal) request.getAttribute(SearchRefusal.ATTRIBUTE);
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setStatus(refusal.status());
            answer.setHeader("Content-Security-Policy", "default-src 'self'");
            answer.addHeader("Set-Cookie", "XSRF-TOKEN=first-reader");
            answer.setContentType("text/html;charset=UTF-8");
            String words = http.getParameter("q");
            String query = http.getQueryString();
            answer.getWriter()
                    .write(page(words, query.substring("q=".length()), refusal.retryAfterSeconds())
                            + (refusal.busy() ? "busy" : ""));
        };
    }

    private static String page(String words, String link, long wait) {
        return "<h1>Search: " + HtmlUtils.htmlEscape(words) + "</h1><input value=\"" + HtmlUtils.htmlEscape(words)
                + "\"><a href=\"/search?q=" + HtmlUtils.htmlEscape(link) + "&amp;lang=nl\">nl</a><p>wait " + wait
                + "</p>";
    }

    private MockHttpServletResponse refuse(String words, SearchRefusal refusal, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        pages.answer(refusal, search(words), response, chain);
        return response;
    }

    private static MockHttpServletRequest search(String words) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/search");
        request.setParameter("q", words);
        request.setQueryString("q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        return request;
    }
}
