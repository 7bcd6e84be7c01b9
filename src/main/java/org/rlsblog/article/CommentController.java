package org.rlsblog.article;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Set;
import org.rlsblog.NotFoundException;
import org.rlsblog.comments.Author;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.Rejection;
import org.rlsblog.comments.Submission;
import org.rlsblog.comments.SubmitResult;
import org.rlsblog.content.CommentMode;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Takes a reader's comment: validate, hand it to {@link CommentService}, then redirect to the
 * comment (post/redirect/get). Anything rejected comes back on the article page with the reason
 * and everything the reader typed.
 */
@Controller
class CommentController {

    private static final Logger log = LoggerFactory.getLogger(CommentController.class);

    private final PostCatalog catalog;
    private final CommentService comments;
    private final ArticlePageModel page;
    private final CommentCookies cookies;
    private final Notifications notifications;

    CommentController(
            PostCatalog catalog,
            CommentService comments,
            ArticlePageModel page,
            CommentCookies cookies,
            Notifications notifications) {
        this.notifications = notifications;
        this.catalog = catalog;
        this.comments = comments;
        this.page = page;
        this.cookies = cookies;
    }

    /** The request attribute, and the path under the post, of a comment refused for its CSRF token. */
    static final String REFUSED_TOKEN = CommentController.class.getName() + ".refusedToken";

    static final String REFUSED_TOKEN_PATH = "/comments/refused-token";

    @InitBinder("commentForm")
    void trimStrings(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
        binder.setAllowedFields(
                "parentId", "name", "email", "website", "body", "remember", "notifyReplies", "homepage", "formToken");
    }

    @PostMapping("/posts/{slug}/comments")
    ModelAndView submitComment(
            @PathVariable String slug,
            @Valid @ModelAttribute("commentForm") CommentForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        Post post = postShowingComments(slug);
        if (post.comments() == CommentMode.CLOSED) {
            return reject(
                    model, post, form, errors, "comments.closed", HttpStatus.FORBIDDEN, request, response, locale);
        }
        if (errors.hasErrors()) {
            return reject(
                    model,
                    post,
                    form,
                    errors,
                    "comments.invalid",
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    request,
                    response,
                    locale);
        }
        String website = form.getWebsite() == null || form.getWebsite().isEmpty() ? null : form.getWebsite();
        Set<Long> ownComments = cookies.pendingIds(request);
        SubmitResult result;
        try {
            result = comments.submit(Submission.builder()
                    .postSlug(slug)
                    .parentId(form.getParentId())
                    .author(new Author(form.getName(), form.getEmail(), website))
                    .body(form.getBody())
                    .notifyReplies(form.notifyMe() && notifications.offerReplyNotifications())
                    .clientAddress(request.getRemoteAddr())
                    .formToken(form.getFormToken())
                    .honeypotFilled(
                            form.getHomepage() != null && !form.getHomepage().isEmpty())
                    .ownCommentIds(ownComments)
                    .addressToken(cookies.addressToken(request).orElse(null))
                    .build());
        } catch (DataAccessException | TransactionException storeFailed) {
            log.error("Comment on {} not stored: the store failed: {}", slug, storeFailed.getMessage());
            return reject(
                    model,
                    post,
                    form,
                    errors,
                    "comments.unavailable",
                    HttpStatus.SERVICE_UNAVAILABLE,
                    request,
                    response,
                    locale);
        }
        if (result instanceof SubmitResult.Rejected rejected) {
            return reject(
                    model,
                    post,
                    form,
                    errors,
                    rejected.reason().messageKey(),
                    statusFor(rejected.reason()),
                    request,
                    response,
                    locale);
        }
        var comment = ((SubmitResult.Accepted) result).comment();
        // A browser that already holds the cookie keeps its newest comments in it, approved ones
        // too: under moderation=returning an approved one is its proof, and stays one for as long.
        if (comment.status() != CommentStatus.APPROVED || !ownComments.isEmpty()) {
            cookies.addPending(request, response, comment.id());
        }
        if (form.rememberMe()) {
            cookies.remember(request, response, form);
        } else {
            cookies.forget(request, response);
        }
        RedirectView redirect = new RedirectView(post.url() + "#comment-" + comment.id(), true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    /**
     * A comment whose CSRF token was refused ({@link CommentTokenRefusal} forwards it here): the
     * article again, with the text kept and fresh tokens, so the reader can post it again. Saves
     * nothing; a request that was not forwarded gets a 404.
     */
    @PostMapping("/posts/{slug}" + REFUSED_TOKEN_PATH)
    ModelAndView refusedToken(
            @PathVariable String slug,
            @ModelAttribute("commentForm") CommentForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        if (request.getAttribute(REFUSED_TOKEN) == null) {
            throw new NotFoundException("post " + slug + REFUSED_TOKEN_PATH + ", not forwarded");
        }
        Post post = postShowingComments(slug);
        return reject(
                model,
                post,
                form,
                errors,
                Rejection.FORM_EXPIRED.messageKey(),
                HttpStatus.FORBIDDEN,
                request,
                response,
                locale);
    }

    /** A published post whose comments are shown (open or closed); otherwise a 404. */
    private Post postShowingComments(String slug) {
        return catalog.findPost(slug)
                .filter(p -> p.comments() != CommentMode.HIDDEN)
                .orElseThrow(() -> new NotFoundException("post " + slug));
    }

    private ModelAndView reject(
            Model model,
            Post post,
            CommentForm form,
            BindingResult errors,
            String messageKey,
            HttpStatus status,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        CommentForm refreshed = form.withFormToken(comments.formTokenForRetry(form.getFormToken()));
        page.fill(model, post, refreshed, request, locale);
        // Putting the refreshed form in the model drops the binding result of the old one, and
        // with it the field errors: carry them over, so each message shows next to its field.
        BindingResult kept = new DirectFieldBindingResult(refreshed, "commentForm");
        kept.addAllErrors(errors);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "commentForm", kept);
        model.addAttribute("commentError", messageKey);
        return new ModelAndView("posts/show", status);
    }

    static HttpStatus statusFor(Rejection reason) {
        return switch (reason) {
            case HONEYPOT, TOO_FAST, FLOOD -> HttpStatus.TOO_MANY_REQUESTS;
            case DUPLICATE -> HttpStatus.CONFLICT;
            case FORM_EXPIRED, BAD_PARENT, TOO_DEEP -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
