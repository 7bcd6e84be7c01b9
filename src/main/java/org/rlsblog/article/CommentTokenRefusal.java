package org.rlsblog.article;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * A comment whose CSRF token was refused (its cookie was gone: a browser restarted with the page
 * open, cookies cleared) is not lost: the request goes on to {@link CommentController}, which
 * shows the article with the reader's text in the form, fresh tokens and a 403. Nothing is saved
 * from such a request. Every other refusal gets Spring Security's plain 403.
 */
@Component
class CommentTokenRefusal implements AccessDeniedHandler {

    private static final Pattern COMMENT_POST = Pattern.compile("/posts/([a-z0-9-]{1,200})/comments");

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        Matcher comment = COMMENT_POST.matcher(request.getServletPath());
        if (refused instanceof CsrfException
                && "POST".equals(request.getMethod())
                && comment.matches()
                && !response.isCommitted()) {
            request.setAttribute(CommentController.REFUSED_TOKEN, refused);
            request.getRequestDispatcher("/posts/" + comment.group(1) + CommentController.REFUSED_TOKEN_PATH)
                    .forward(request, response);
            return;
        }
        otherwise.handle(request, response, refused);
    }
}
