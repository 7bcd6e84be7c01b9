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
 * per-thread generator instead of {@code UUID.randomUUID()}'s shared, locked one.
 */
public final class CookieCsrfTokens implements CsrfTokenRepository {

    private static final PerThreadSecureRandom RANDOM = new PerThreadSecureRandom();

    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    CookieCsrfTokens() {
        cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", HexFormat.of().formatHex(bytes));
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
