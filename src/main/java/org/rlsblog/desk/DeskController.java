package org.rlsblog.desk;

import java.security.Principal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rlsblog.NotFoundException;
import org.rlsblog.content.PostCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/posts}: the author's desk. Every post and page, the problems of the last content
 * load, the articles due for review or without references, and the preview links of drafts.
 */
@Controller
class DeskController {

    private final DeskRows rows;
    private final PostCatalog catalog;
    private final PreviewTokens tokens;
    private final ReferenceReport references;

    DeskController(DeskRows rows, PostCatalog catalog, PreviewTokens tokens, ReferenceReport references) {
        this.rows = rows;
        this.catalog = catalog;
        this.tokens = tokens;
        this.references = references;
    }

    /** Whether the admin pages' header offers "Log out". */
    @ModelAttribute("signedIn")
    boolean signedIn(@Nullable Principal principal) {
        return principal != null;
    }

    record ArticleLink(String title, String url, String note) {}

    @GetMapping("/admin/posts")
    String listPosts(Model model, Locale locale) {
        model.addAttribute("problems", rows.problems(catalog.problems()));
        model.addAttribute("warnings", rows.problems(catalog.warnings()));
        model.addAttribute("rows", rows.rows(locale));
        model.addAttribute(
                "overdue",
                rows.overdue().stream()
                        .map(p -> new ArticleLink(p.title(), p.url(), rows.dueText(p, locale)))
                        .toList());
        model.addAttribute(
                "withoutReferences",
                rows.withoutReferences().stream()
                        .map(p -> new ArticleLink(p.title(), p.url(), ""))
                        .toList());
        model.addAttribute("references", references.report(locale));
        return "admin/posts";
    }

    /** A new preview link for a draft or scheduled post; the old one, if any, stops working. */
    @PostMapping("/admin/posts/{slug}/preview")
    String renewPreview(@PathVariable String slug, RedirectAttributes redirect) {
        catalog.findUnpublished(slug).orElseThrow(() -> new NotFoundException("no draft or scheduled post " + slug));
        tokens.renew(slug);
        redirect.addFlashAttribute("message", "admin.posts.previewRenewed");
        return "redirect:/admin/posts#post-" + slug;
    }
}
