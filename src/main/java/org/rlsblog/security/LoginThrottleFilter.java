package org.rlsblog.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rlsblog.throttle.ClientKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: a login POST is counted by {@link LoginThrottle} before the password is
 * checked, and answered 429 with a Retry-After, without checking it, once a limit is reached. The
 * attempt is counted before the check so that parallel guesses cannot all pass; a successful login
 * gives it back ({@link #succeeded}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);
    private static final String ATTEMPT = LoginThrottleFilter.class.getName() + ".attempt";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && SecurityConfiguration.LOGIN_PAGE.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        LoginThrottle.Result result = throttle.attempt(request.getRemoteAddr(), username == null ? "" : username);
        if (result.attempt() == null) {
            log.warn(
                    "Too many admin login attempts (client {}); refused for {} s",
                    ClientKey.of(request.getRemoteAddr()),
                    result.retryAfterSeconds());
            response.setHeader("Retry-After", Long.toString(result.retryAfterSeconds()));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), "Too many login attempts");
            return;
        }
        request.setAttribute(ATTEMPT, result.attempt());
        chain.doFilter(request, response);
    }

    /** Gives a successful login its attempt back, then hands over to {@code next}. */
    AuthenticationSuccessHandler succeeded(AuthenticationSuccessHandler next) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            if (request.getAttribute(ATTEMPT) instanceof LoginThrottle.Attempt attempt) {
                throttle.succeeded(attempt);
            }
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
