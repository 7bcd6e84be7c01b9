package org.rlsblog.article;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rlsblog.NotFoundException;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The article page: a post, its table of contents, previous/next links and its comments. */
@Controller
class PostPageController {

    private final PostCatalog catalog;
    private final ArticlePageModel page;

    PostPageController(PostCatalog catalog, ArticlePageModel page) {
        this.catalog = catalog;
        this.page = page;
    }

    @GetMapping("/posts/{slug}")
    String showPost(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable Long replyTo,
            Model model,
            HttpServletRequest request,
            Locale locale) {
        Post post = catalog.findPost(slug).orElseThrow(() -> new NotFoundException("post " + slug));
        page.fill(model, post, page.freshForm(request, replyTo), request, locale);
        return "posts/show";
    }
}
