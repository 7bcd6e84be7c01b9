package org.rlsblog.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.rlsblog.content.PostCatalog;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Old addresses keep working: a GET or HEAD for a path that a post's front matter lists under
 * {@code aliases:} (such as a WordPress permalink) gets a 301 to the post (one map look-up), and
 * so do the old blog's ids, dates, categories and permalinks ({@link WordPressRedirects}),
 * WordPress's feed, tag and search addresses and paths with a trailing slash ({@link OldAddresses}).
 */
@Component
class AliasRedirectFilter extends OncePerRequestFilter {

    private final PostCatalog catalog;
    private final WordPressRedirects wordpress;

    AliasRedirectFilter(PostCatalog catalog) {
        this.catalog = catalog;
        this.wordpress = new WordPressRedirects(catalog);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            Optional<String> target = catalog.aliasTarget(path);
            if (target.isEmpty()) {
                target = wordpress.target(path, request.getQueryString());
            }
            if (target.isEmpty()) {
                target = OldAddresses.target(path, request.getQueryString());
            }
            if (target.isPresent() && !target.get().equals(path)) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + target.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
