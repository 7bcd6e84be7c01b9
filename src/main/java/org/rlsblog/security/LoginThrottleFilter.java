package org.rlsblog.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: each client address gets {@code blog.admin.login-attempts} login
 * attempts per {@code blog.admin.login-window} (a Bucket4j bucket, refilled gradually); past that,
 * a login POST is answered 429 without checking the password. Buckets live in a bounded Caffeine
 * cache, so a flood of addresses cannot exhaust memory.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);
    /** Client addresses whose attempts are counted at once; the least recent are forgotten first. */
    private static final int TRACKED_ADDRESSES = 100_000;

    private final AdminProperties admin;
    private final Cache<String, Bucket> buckets;

    LoginThrottleFilter(AdminProperties admin) {
        this.admin = admin;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(TRACKED_ADDRESSES)
                .expireAfterAccess(admin.loginWindow())
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && SecurityConfiguration.LOGIN_PAGE.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(
                request.getRemoteAddr(),
                address -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(admin.loginAttempts())
                                .refillGreedy(admin.loginAttempts(), admin.loginWindow())
                                .build())
                        .build());
        if (!bucket.tryConsume(1)) {
            log.warn("Too many admin login attempts from {}", request.getRemoteAddr());
            response.setHeader("Retry-After", Long.toString(admin.loginWindow().toSeconds() / admin.loginAttempts()));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), "Too many login attempts");
            return;
        }
        chain.doFilter(request, response);
    }
}
