package org.rlsblog.newsletter;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rlsblog.NotFoundException;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.notification.Notifications;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/subscribers}: how many, the list with dates, remove, CSV export, and per post how
 * many mails are sent, pending and failed, with "send me a test of this post".
 */
@Controller
class SubscriberAdminController {

    static final int PAGE_SIZE = 100;
    /** The announced posts shown with their counts, newest first. */
    static final int POSTS_SHOWN = 20;
    /** The latest posts offered for a test mail. */
    static final int TEST_POSTS = 10;

    record Row(long id, String email, String lang, String subscribed, String confirmed) {}

    record PostRow(String slug, String title, String announced, long sent, long pending, long failed) {}

    record TestPost(String slug, String title) {}

    private final Subscribers subscribers;
    private final Deliveries deliveries;
    private final PostCatalog catalog;
    private final Letters letters;
    private final MailOut mail;
    private final Subscriptions subscriptions;
    private final Notifications notifications;
    private final NewsletterSwitch newsletter;
    private final ZoneId zone;

    SubscriberAdminController(
            Subscribers subscribers,
            Deliveries deliveries,
            PostCatalog catalog,
            Letters letters,
            MailOut mail,
            Subscriptions subscriptions,
            Notifications notifications,
            NewsletterSwitch newsletter,
            ContentProperties content) {
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.letters = letters;
        this.mail = mail;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.newsletter = newsletter;
        this.zone = content.timeZone();
    }

    @ModelAttribute("signedIn")
    boolean signedIn(@Nullable Principal principal) {
        return principal != null;
    }

    @GetMapping("/admin/subscribers")
    String listSubscribers(@RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        long total = subscribers.countConfirmed() + subscribers.countUnconfirmed();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page < 1 || page > pages) {
            throw new NotFoundException("no such page");
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone);
        model.addAttribute("on", newsletter.on());
        model.addAttribute("confirmed", subscribers.countConfirmed());
        model.addAttribute("unconfirmed", subscribers.countUnconfirmed());
        model.addAttribute(
                "subscribers",
                subscribers.page((page - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                        .map(s -> new Row(
                                s.id(),
                                s.email(),
                                s.lang().getLanguage(),
                                format.format(s.subscribedAt()),
                                s.confirmedAt() == null ? "" : format.format(s.confirmedAt())))
                        .toList());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute(
                "posts",
                deliveries.countsByPost(POSTS_SHOWN).stream()
                        .map(c -> new PostRow(
                                c.slug(),
                                catalog.findAnyPost(c.slug()).map(Post::title).orElse(c.slug()),
                                format.format(c.announcedAt()),
                                c.sent(),
                                c.pending(),
                                c.failed()))
                        .toList());
        List<Post> latest = catalog.published();
        model.addAttribute(
                "testPosts",
                latest.subList(0, Math.min(TEST_POSTS, latest.size())).stream()
                        .map(p -> new TestPost(p.slug(), p.title()))
                        .toList());
        model.addAttribute("authorEmail", notifications.authorEmail().orElse(null));
        return "admin/subscribers";
    }

    @PostMapping("/admin/subscribers/{id}/delete")
    String removeSubscriber(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message", subscribers.delete(id) ? "admin.subscribers.removed" : "admin.subscribers.notFound");
        return "redirect:/admin/subscribers";
    }

    @PostMapping("/admin/subscribers/test")
    String sendTest(@RequestParam String slug, Locale locale, RedirectAttributes redirect) {
        Optional<String> to = notifications.authorEmail();
        Post post = catalog.findAnyPost(slug).orElseThrow(() -> new NotFoundException("no such post"));
        if (to.isEmpty() || !newsletter.on()) {
            redirect.addFlashAttribute("message", "admin.subscribers.test.noAddress");
            return "redirect:/admin/subscribers";
        }
        MailOut.Letter letter =
                letters.letter(post, to.get(), MailLanguage.of(locale), subscriptions.unsubscribeUrl(to.get()), null);
        try {
            mail.send(new MailOut.Letter(
                    letter.to(),
                    "[Test] " + letter.subject(),
                    letter.text(),
                    letter.html(),
                    letter.unsubscribeUrl(),
                    null));
            redirect.addFlashAttribute("message", "admin.subscribers.test.sent");
        } catch (MailException e) {
            redirect.addFlashAttribute("message", "admin.subscribers.test.failed");
        }
        return "redirect:/admin/subscribers";
    }

    /** All subscribers as CSV, written row by row; a cell a spreadsheet would run as a formula is quoted. */
    @GetMapping("/admin/subscribers.csv")
    void exportSubscribers(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.print("email,language,subscribed,confirmed\r\n");
        subscribers.forEach(s ->
                out.print(Csv.row(s.email(), s.lang().getLanguage(), iso(s.subscribedAt()), iso(s.confirmedAt()))));
        out.flush();
    }

    private static String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
