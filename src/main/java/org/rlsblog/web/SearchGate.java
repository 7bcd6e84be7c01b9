package org.rlsblog.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a search reach the index only within its client's rate ({@link SearchRateLimit}) and while
 * a {@link SearchSlots search slot} is free. It runs in front of Spring Security and MVC, and a
 * refused search gets a {@link RefusedSearchPages stored page}: refusing must cost far less than
 * searching, or a flood of refused searches takes the cores from readers all the same.
 */
final class SearchGate extends OncePerRequestFilter {

    /** A search refused for want of a slot may try again this soon. */
    private static final long BUSY_RETRY_AFTER_SECONDS = 1;

    private final SearchRateLimit rateLimit;
    private final SearchSlots slots;
    private final RefusedSearchPages refusedPages;

    SearchGate(SearchRateLimit rateLimit, SearchSlots slots, RefusedSearchPages refusedPages) {
        this.rateLimit = rateLimit;
        this.slots = slots;
        this.refusedPages = refusedPages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getParameter(RefusedSearchPages.QUERY);
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || query == null
                || query.isBlank();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong wait = rateLimit.refusal(request.getRemoteAddr());
        if (wait.isPresent()) {
            refusedPages.answer(SearchRefusal.tooMany(wait.getAsLong()), request, response, chain);
            return;
        }
        if (!slots.enter()) {
            // a reader turned away because others are searching keeps their allowance for the retry
            rateLimit.giveBack(request.getRemoteAddr());
            refusedPages.answer(SearchRefusal.busy(BUSY_RETRY_AFTER_SECONDS), request, response, chain);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.leave();
        }
    }
}
