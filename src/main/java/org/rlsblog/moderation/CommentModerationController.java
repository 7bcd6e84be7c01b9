package org.rlsblog.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rlsblog.NotFoundException;
import org.rlsblog.comments.Comment;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderation queue at {@code /admin/comments}: tabs for pending, approved, spam and trash
 * with counts; each action is a POST, and every one redirects back to the tab it came from.
 */
@Controller
class CommentModerationController {

    /** The most comments one bulk action acts on: a bound on the work one form post can ask for. */
    static final int MAX_BULK_IDS = 1000;

    /** An edited or replied text's bounds, those of a reader's comment (and the form's maxlength). */
    private static final int MIN_BODY = 2;

    private static final int MAX_BODY = 10_000;

    private final CommentService comments;
    private final PostCatalog catalog;
    private final ModerationProperties properties;
    private final ZoneId zone;

    CommentModerationController(
            CommentService comments, PostCatalog catalog, ModerationProperties properties, ContentProperties content) {
        this.comments = comments;
        this.catalog = catalog;
        this.properties = properties;
        this.zone = content.timeZone();
    }

    record Tab(String status, String url, long count, boolean current) {}

    /** Whether the admin pages' header offers "Log out": not to a visitor of the login page. */
    @ModelAttribute("signedIn")
    boolean signedIn(@Nullable Principal principal) {
        return principal != null;
    }

    @GetMapping("/admin/login")
    String loginForm() {
        return "admin/login";
    }

    @GetMapping({"/admin", "/admin/"})
    String home() {
        return "redirect:/admin/comments";
    }

    @GetMapping("/admin/comments")
    String listComments(
            @RequestParam(defaultValue = "pending") String status,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            Locale locale) {
        CommentStatus current = statusOf(status);
        if (page < 1 || page > 100_000) {
            throw new NotFoundException("no such page");
        }
        Map<CommentStatus, Long> counts = comments.countByStatus();
        List<Tab> tabs = Arrays.stream(CommentStatus.values())
                .map(s -> new Tab(
                        s.name().toLowerCase(Locale.ROOT),
                        "/admin/comments?status=" + s.name().toLowerCase(Locale.ROOT),
                        counts.get(s),
                        s == current))
                .toList();
        int size = properties.pageSize();
        List<QueueItem> items = comments.queue(current, (page - 1) * size, size).stream()
                .map(c -> item(c, locale))
                .toList();
        long total = counts.get(current);
        model.addAttribute("tabs", tabs);
        model.addAttribute(
                "contentProblems",
                catalog.problems().size() + catalog.warnings().size());
        model.addAttribute("status", current.name().toLowerCase(Locale.ROOT));
        model.addAttribute("items", items);
        model.addAttribute("page", page);
        model.addAttribute("newerUrl", page > 1 ? "/admin/comments?status=" + status + "&page=" + (page - 1) : null);
        model.addAttribute(
                "olderUrl",
                (long) page * size < total ? "/admin/comments?status=" + status + "&page=" + (page + 1) : null);
        return "admin/comments";
    }

    @PostMapping("/admin/comments/{id}/{action:approve|unapprove|spam|trash|restore|delete}")
    String moderateComment(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(defaultValue = "pending") String returnTo,
            RedirectAttributes redirect) {
        ModerationAction what = ModerationAction.of(action).orElseThrow();
        if (!apply(id, what)) {
            throw new NotFoundException("no comment " + id);
        }
        redirect.addFlashAttribute("message", "admin.done." + what.name().toLowerCase(Locale.ROOT));
        return backTo(returnTo);
    }

    @PostMapping("/admin/comments/bulk")
    String moderateComments(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam String action,
            @RequestParam(defaultValue = "pending") String returnTo,
            RedirectAttributes redirect) {
        ModerationAction what = ModerationAction.of(action)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown action " + action));
        int done = 0;
        if (ids != null) {
            for (long id : ids.stream().distinct().limit(MAX_BULK_IDS).toList()) {
                done += apply(id, what) ? 1 : 0;
            }
        }
        redirect.addFlashAttribute("message", "admin.done.bulk");
        redirect.addFlashAttribute("messageCount", done);
        return backTo(returnTo);
    }

    @PostMapping("/admin/comments/{id}/edit")
    String editComment(
            @PathVariable long id,
            @RequestParam @NotBlank @Size(min = MIN_BODY, max = MAX_BODY) String body,
            @RequestParam(defaultValue = "pending") String returnTo,
            RedirectAttributes redirect) {
        if (!comments.edit(id, body.strip())) {
            throw new NotFoundException("no comment " + id);
        }
        redirect.addFlashAttribute("message", "admin.done.edit");
        return backTo(returnTo);
    }

    @PostMapping("/admin/comments/{id}/reply")
    String replyToComment(
            @PathVariable long id,
            @RequestParam @NotBlank @Size(min = MIN_BODY, max = MAX_BODY) String body,
            @RequestParam(defaultValue = "pending") String returnTo,
            RedirectAttributes redirect) {
        comments.replyAsAuthor(id, properties.replyAuthor(), body.strip())
                .orElseThrow(() -> new NotFoundException("no comment " + id));
        redirect.addFlashAttribute("message", "admin.done.reply");
        return backTo(returnTo);
    }

    private boolean apply(long id, ModerationAction action) {
        return action.target().map(status -> comments.moderate(id, status)).orElseGet(() -> comments.delete(id));
    }

    private QueueItem item(Comment c, Locale locale) {
        Post post = catalog.findAnyPost(c.postSlug()).orElse(null);
        var created = c.createdAt().atZone(zone);
        return QueueItem.of(c, post == null ? c.postSlug() : post.title(), created, locale);
    }

    /** The redirect to the tab named {@code returnTo}, after an action. */
    private static String backTo(String returnTo) {
        return "redirect:/admin/comments?status=" + statusOf(returnTo).name().toLowerCase(Locale.ROOT);
    }

    private static CommentStatus statusOf(String name) {
        try {
            return CommentStatus.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no tab " + name);
        }
    }
}
