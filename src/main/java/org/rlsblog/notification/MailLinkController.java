package org.rlsblog.notification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.rlsblog.NotFoundException;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.ModerationRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pages that links in mails open. Opening a link never changes anything by itself (mail
 * scanners open links): it shows a page with one button, and the button's POST does the work.
 * The signed token in the link is the permission; it names one comment or one address.
 */
@Controller
class MailLinkController {

    /** How long the browser that confirmed an address keeps its token. */
    static final Duration ADDRESS_COOKIE_AGE = Duration.ofDays(365);

    private final CommentService comments;
    private final ReplySubscriptions subscriptions;

    MailLinkController(CommentService comments, ReplySubscriptions subscriptions) {
        this.comments = comments;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/moderate/{token}")
    String moderationForm(@PathVariable String token, Model model) {
        var request = comments.moderationRequest(token)
                .orElseThrow(() -> new NotFoundException("link expired or not genuine"));
        model.addAttribute("token", token);
        return moderationPage(model, request, false);
    }

    @PostMapping("/moderate/{token}")
    String moderateComment(@PathVariable String token, Model model) {
        var request = comments.moderationRequest(token)
                .orElseThrow(() -> new NotFoundException("link expired or not genuine"));
        comments.moderate(request.comment().id(), request.status());
        return moderationPage(model, request, true);
    }

    @GetMapping("/subscriptions/confirm/{token}")
    String confirmForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return subscriptionPage(model, "confirm", false);
    }

    /**
     * Confirms the address, and gives the browser that did it the address's signed token, with
     * which its comments prove their writer owns the address ({@link Notifications#ADDRESS_COOKIE}).
     */
    @PostMapping("/subscriptions/confirm/{token}")
    String confirmSubscription(
            @PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        String email = subscriptions.confirm(token).orElseThrow(() -> new NotFoundException("link not genuine"));
        ResponseCookie cookie = ResponseCookie.from(Notifications.ADDRESS_COOKIE, comments.addressToken(email))
                .path("/")
                .maxAge(ADDRESS_COOKIE_AGE)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return subscriptionPage(model, "confirm", true);
    }

    @GetMapping("/subscriptions/unsubscribe/{token}")
    String unsubscribeForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return subscriptionPage(model, "unsubscribe", false);
    }

    @PostMapping("/subscriptions/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        subscriptions.unsubscribe(token).orElseThrow(() -> new NotFoundException("link not genuine"));
        return subscriptionPage(model, "unsubscribe", true);
    }

    /** The page of a mailed moderation link: the comment and the action, to confirm or done. */
    private static String moderationPage(Model model, ModerationRequest request, boolean done) {
        model.addAttribute("action", request.status().name().toLowerCase(Locale.ROOT));
        model.addAttribute("authorName", request.comment().author().name());
        model.addAttribute("body", request.comment().body());
        model.addAttribute("done", done);
        return "notification/moderate";
    }

    /**
     * The mail-link page (shared with the newsletter's links), with the reply subscriptions' texts:
     * the form for a {@code kind} of link ({@code confirm}, {@code unsubscribe}), or once done, its result.
     */
    private static String subscriptionPage(Model model, String kind, boolean done) {
        model.addAttribute("kind", kind);
        model.addAttribute("done", done);
        model.addAttribute("messages", "mail.subscription.");
        model.addAttribute("action", "/subscriptions/");
        return "mail-link";
    }
}
