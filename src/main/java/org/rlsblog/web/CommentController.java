package org.rlsblog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.Rejection;
import org.rlsblog.comments.Submission;
import org.rlsblog.comments.SubmitResult;
import org.rlsblog.content.CommentMode;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.notification.Notifications;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
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
        Post post = catalog.findPost(slug)
                .filter(p -> p.comments() != CommentMode.HIDDEN)
                .orElseThrow(() -> new NotFoundException("post " + slug));
        if (post.comments() == CommentMode.CLOSED) {
            return reject(model, post, form, "comments.closed", HttpStatus.FORBIDDEN, request, response, locale);
        }
        if (errors.hasErrors()) {
            ModelAndView page = reject(
                    model, post, form, "comments.invalid", HttpStatus.UNPROCESSABLE_CONTENT, request, response, locale);
            keepFieldErrors(model, errors);
            return page;
        }
        String website = form.website() == null || form.website().isEmpty() ? null : form.website();
        SubmitResult result = comments.submit(new Submission(
                slug,
                form.parentId(),
                form.name(),
                form.email(),
                website,
                form.body(),
                form.notifyMe() && notifications.offerReplyNotifications(),
                request.getRemoteAddr(),
                form.formToken(),
                form.homepage() != null && !form.homepage().isEmpty()));
        if (result instanceof SubmitResult.Rejected rejected) {
            return reject(
                    model,
                    post,
                    form,
                    rejected.reason().messageKey(),
                    statusFor(rejected.reason()),
                    request,
                    response,
                    locale);
        }
        var comment = ((SubmitResult.Accepted) result).comment();
        if (comment.status() != CommentStatus.APPROVED) {
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

    private ModelAndView reject(
            Model model,
            Post post,
            CommentForm form,
            String messageKey,
            HttpStatus status,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        page.fill(model, post, form.withFormToken(comments.formToken()), request, locale);
        model.addAttribute("commentError", messageKey);
        return new ModelAndView("posts/show", status);
    }

    /**
     * {@link ArticlePageModel#fill} puts a new form object (with a fresh form token) in the model,
     * and Spring then drops the binding result of the old one: bind the errors to the new object so
     * the page marks the fields that need correcting.
     */
    private static void keepFieldErrors(Model model, BindingResult errors) {
        BindingResult kept = new BeanPropertyBindingResult(model.getAttribute("commentForm"), "commentForm");
        kept.addAllErrors(errors);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "commentForm", kept);
    }

    static HttpStatus statusFor(Rejection reason) {
        return switch (reason) {
            case HONEYPOT, TOO_FAST, FLOOD -> HttpStatus.TOO_MANY_REQUESTS;
            case DUPLICATE -> HttpStatus.CONFLICT;
            case FORM_EXPIRED, BAD_PARENT, TOO_DEEP -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
