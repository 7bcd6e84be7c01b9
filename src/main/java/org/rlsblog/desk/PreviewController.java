package org.rlsblog.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.rlsblog.NotFoundException;
import org.rlsblog.content.Neighbours;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.Reviews;
import org.rlsblog.web.PageMetas;
import org.rlsblog.web.PostViews;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /preview/{token}}: a draft or scheduled post, for whoever has the secret link (the doctor
 * who reviews it), under a banner. Never indexed, never stored by any cache, never linked from a
 * list, feed or sitemap (those read only published posts).
 */
@Controller
class PreviewController {

    private final PreviewTokens tokens;
    private final PostCatalog catalog;
    private final PostViews views;
    private final PageMetas metas;
    private final Reviews reviews;

    PreviewController(PreviewTokens tokens, PostCatalog catalog, PostViews views, PageMetas metas, Reviews reviews) {
        this.tokens = tokens;
        this.catalog = catalog;
        this.views = views;
        this.metas = metas;
        this.reviews = reviews;
    }

    /**
     * A published post's link redirects with 302, not 301: a permanent redirect is cached by
     * browsers and search engines for good, and the token is a secret that should not become a
     * lasting alias of the post (nor keep working in someone's cache after a new link replaced it).
     */
    @GetMapping("/preview/{token}")
    String showPreview(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        PreviewTokens.PreviewToken found =
                tokens.find(token).orElseThrow(() -> new NotFoundException("no such preview"));
        Post published = catalog.findPost(found.slug()).orElse(null);
        if (published != null) {
            tokens.spend(found.slug());
            return "redirect:" + published.url();
        }
        if (found.isSpent()) {
            throw new NotFoundException("preview of a post published since");
        }
        Post post = catalog.findUnpublished(found.slug()).orElseThrow(() -> new NotFoundException("no such post"));
        model.addAttribute("post", views.view(post, new Neighbours(null, null), locale));
        model.addAttribute("lang", post.lang().toLanguageTag());
        model.addAttribute("meta", metas.forPost(post));
        model.addAttribute("noindex", true);
        model.addAttribute("reviewOverdue", reviews.showsOverdueNotice(post));
        model.addAttribute("related", List.of());
        return "preview/show";
    }
}
