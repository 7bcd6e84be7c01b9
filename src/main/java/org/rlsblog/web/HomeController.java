package org.rlsblog.web;

import java.util.Locale;
import org.rlsblog.NotFoundException;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.PostList;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: published posts, newest first, a page at a time. */
@Controller
class HomeController {

    private final PostCatalog catalog;
    private final PostSummaries summaries;
    private final SiteProperties site;
    private final PageMetas metas;

    HomeController(PostCatalog catalog, PostSummaries summaries, SiteProperties site, PageMetas metas) {
        this.metas = metas;
        this.catalog = catalog;
        this.summaries = summaries;
        this.site = site;
    }

    @GetMapping("/")
    String listPosts(@RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        PostList list = catalog.latest(page, site.pageSize())
                .orElseThrow(() -> new NotFoundException("page " + page + " of posts"));
        model.addAttribute("posts", summaries.of(list.posts(), locale));
        model.addAttribute("pagination", Pagination.of("/", list.page(), list.totalPages()));
        model.addAttribute("meta", metas.forSite(page == 1 ? "/" : "/?page=" + page, site.title()));
        return "posts/list";
    }
}
