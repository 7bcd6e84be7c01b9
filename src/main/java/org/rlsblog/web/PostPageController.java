package org.rlsblog.web;

import java.util.Locale;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The article page: a post with its table of contents and previous/next links. */
@Controller
class PostPageController {

    private final PostCatalog catalog;
    private final PostViews views;

    PostPageController(PostCatalog catalog, PostViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    @GetMapping("/posts/{slug}")
    String showPost(@PathVariable String slug, Model model, Locale locale) {
        Post post = catalog.findPost(slug).orElseThrow(() -> new NotFoundException("post " + slug));
        model.addAttribute("post", views.view(post, catalog.neighbours(post), locale));
        model.addAttribute("lang", post.lang().toLanguageTag());
        return "posts/show";
    }
}
