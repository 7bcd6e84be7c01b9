package org.rlsblog.pagecache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers reader pages (home, tags, archive, stand-alone pages, articles with their comments),
 * searches and feeds from the {@link PageStore}, in front of every other filter: a stored page
 * costs a lookup and a copy, not the security filter chain, MVC and a template. A page the store
 * lacks, or holds no longer current, is made by the rest of the chain and recorded. Because it
 * runs before Spring Security, it answers only the requests {@link StorablePages} lets through and
 * Spring Security's firewall accepts.
 */
public class PageCacheFilter extends OncePerRequestFilter {

    /**
     * A page up to this size goes to Tomcat's response buffer whole, so headers and body leave in
     * one write. A larger one (the feeds) is written past the buffer, straight to the socket:
     * Tomcat drops a buffer much larger than its default when it recycles the response, so sizing
     * the buffer to such a page would allocate, zero and fill a new one on every request.
     */
    public static final int LARGEST_RESPONSE_BUFFER = 64 * 1024;

    private final PageStore store;
    private final StoredPageWriter writer;
    private final PageRecorder recorder;
    private final LocaleResolver locales;
    private final HttpFirewall firewall;
    private final Timer storedAnswers;

    PageCacheFilter(
            PageStore store,
            StoredPageWriter writer,
            PageRecorder recorder,
            LocaleResolver locales,
            HttpFirewall firewall,
            MeterRegistry meters) {
        this.store = store;
        this.writer = writer;
        this.recorder = recorder;
        this.locales = locales;
        this.firewall = firewall;
        this.storedAnswers = Timer.builder("blog.pages.stored")
                .description("Pages answered from the page cache, in front of the other filters")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !StorablePages.mayAnswer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest original, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest request;
        try {
            // checks the path now, and each header as it is read
            request = firewall.getFirewalledRequest(original);
        } catch (RequestRejectedException rejected) {
            chain.doFilter(original, response); // where Spring Security refuses it with its own answer
            return;
        }
        String key = PageStore.key(request, locales.resolveLocale(request));
        StoredPage page = store.get(key);
        if (page != null && (store.isCurrent(page) || !page.state().startRemaking())) {
            // current, or being made anew by another request right now: readers arriving in the
            // meantime get the previous version instead of all rendering the page at once
            long start = System.nanoTime();
            try {
                writer.answer(page, request, response);
            } catch (RequestRejectedException rejected) {
                // a header the firewall refuses, met before a byte is sent: the chain refuses it in turn
                response.reset();
                chain.doFilter(original, response);
                return;
            }
            storedAnswers.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return;
        }
        try {
            // the chain applies the firewall itself, to the request as it came
            recorder.record(key, original, response, chain);
        } finally {
            if (page != null) {
                page.state().doneRemaking();
            }
        }
    }
}
