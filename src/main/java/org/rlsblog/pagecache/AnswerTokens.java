package org.rlsblog.pagecache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.rlsblog.comments.CommentService;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;

/**
 * The two values written fresh into each answer from a stored article: the CSRF token, made (and
 * its cookie set) exactly as Spring Security's {@code CsrfFilter} does for a GET, since a stored
 * page skips that filter; and the comment form's signed time.
 */
final class AnswerTokens {

    private final CsrfTokenRepository csrfTokens;
    private final CsrfTokenRequestHandler csrfHandler;
    private final CommentService comments;

    AnswerTokens(CsrfTokenRepository csrfTokens, CsrfTokenRequestHandler csrfHandler, CommentService comments) {
        this.csrfTokens = csrfTokens;
        this.csrfHandler = csrfHandler;
        this.comments = comments;
    }

    /** The CSRF token and the form token, in the order {@link PageBody} cut them out. */
    byte[][] forAnswer(HttpServletRequest request, HttpServletResponse response) {
        return new byte[][] {
            csrfToken(request, response).getBytes(StandardCharsets.UTF_8),
            comments.formToken().getBytes(StandardCharsets.UTF_8)
        };
    }

    /** The masked CSRF token for this answer, loaded from (or made and saved to) the reader's cookie. */
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
}
