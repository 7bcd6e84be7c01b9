package org.rlsblog.newsletter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rlsblog.NotFoundException;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Subscribing: the form ({@code GET /subscribe}, and the short one in every page's footer), the
 * request ({@code POST /subscribe}), and the pages the links in mails open, each with one button
 * (mail scanners open links; only the button's POST changes anything). A request is answered the
 * same whether or not the address is subscribed already, so nobody learns who reads the blog.
 */
@Controller
class SubscribeController {

    private final NewsletterSwitch newsletter;
    private final Subscriptions subscriptions;
    private final ClientLimits limits;
    private final CommentService comments;

    SubscribeController(
            NewsletterSwitch newsletter, Subscriptions subscriptions, ClientLimits limits, CommentService comments) {
        this.newsletter = newsletter;
        this.subscriptions = subscriptions;
        this.limits = limits;
        this.comments = comments;
    }

    @GetMapping("/subscribe")
    String subscribeForm(Model model) {
        requireOn();
        return form(model, "", null, comments.formToken());
    }

    @PostMapping("/subscribe")
    String subscribe(
            @ModelAttribute SubscribeForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        requireOn();
        String email = form.email() == null ? "" : form.email().strip();
        String retryToken = comments.formTokenForRetry(form.formToken());
        String invalid = form.emailProblem();
        if (invalid != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, email, invalid, retryToken);
        }
        if (form.honeypotFilled()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, email, "newsletter.rejected.automated", retryToken);
        }
        // the footer's short form carries no signed time (stored pages hold it for one answer only)
        Optional<Rejection> timing =
                form.formToken() == null ? Optional.empty() : comments.formTimeProblem(form.formToken());
        if (timing.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, email, timing.get().messageKey(), retryToken);
        }
        if (!limits.tryRequest(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(ClientLimits.WINDOW.toSeconds() / ClientLimits.REQUESTS));
            return form(model, email, "newsletter.rejected.too-many", retryToken);
        }
        subscriptions.request(email, MailLanguage.of(locale));
        model.addAttribute("email", email);
        return "newsletter/check-mailbox";
    }

    @GetMapping("/newsletter/confirm/{token}")
    String confirmForm(@PathVariable String token, Model model) {
        requireOn();
        return linkPage(model, "confirm", token, false);
    }

    @PostMapping("/newsletter/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        requireOn();
        if (!subscriptions.confirm(token)) {
            throw new NotFoundException("confirmation link expired or not genuine");
        }
        return linkPage(model, "confirm", token, true);
    }

    @GetMapping("/newsletter/unsubscribe/{token}")
    String unsubscribeForm(@PathVariable String token, Model model) {
        return linkPage(model, "unsubscribe", token, false);
    }

    /** Also the one-click unsubscribe of RFC 8058: mail programs POST here without a CSRF token. */
    @PostMapping("/newsletter/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        if (!subscriptions.unsubscribe(token)) {
            throw new NotFoundException("unsubscribe link not genuine");
        }
        return linkPage(model, "unsubscribe", token, true);
    }

    private void requireOn() {
        if (!newsletter.on()) {
            throw new NotFoundException("the newsletter is off");
        }
    }

    private static String form(Model model, String email, @Nullable String error, String formToken) {
        model.addAttribute("email", email);
        model.addAttribute("error", error);
        model.addAttribute("formToken", formToken);
        return "newsletter/subscribe";
    }

    private static String linkPage(Model model, String kind, String token, boolean done) {
        model.addAttribute("kind", kind);
        model.addAttribute("token", token);
        model.addAttribute("done", done);
        model.addAttribute("messages", "newsletter.");
        model.addAttribute("action", "/newsletter/");
        return "mail-link";
    }
}
