package org.rlsblog.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HexFormat;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * CSRF tokens kept in a cookie (so readers need no server session, on any replica), made from a
 * per-thread generator instead of {@code UUID.randomUUID()}'s shared, locked one. Public because
 * the page cache hands out the same tokens for the pages it stores.
 */
public final class CookieCsrfTokens implements CsrfTokenRepository {

    private static final PerThreadSecureRandom RANDOM = new PerThreadSecureRandom();
    private static final int TOKEN_BYTES = 16;
    private static final String SAME_SITE = "Lax";
    // Spring Security's own names, which the forms and the page cache expect
    private static final String HEADER_NAME = "X-XSRF-TOKEN";
    private static final String PARAMETER_NAME = "_csrf";

    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    CookieCsrfTokens() {
        cookies.setCookieCustomizer(cookie -> cookie.sameSite(SAME_SITE));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return new DefaultCsrfToken(HEADER_NAME, PARAMETER_NAME, HexFormat.of().formatHex(bytes));
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        cookies.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return cookies.loadToken(request);
    }
}
