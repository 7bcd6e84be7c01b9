package org.rlsblog.web;

import java.util.Locale;
import org.rlsblog.NotFoundException;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.PostList;
import org.rlsblog.content.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Posts with one tag, a page at a time. */
@Controller
class TagController {

    private final PostCatalog catalog;
    private final PostSummaries summaries;
    private final SiteProperties site;
    private final PageMetas metas;

    TagController(PostCatalog catalog, PostSummaries summaries, SiteProperties site, PageMetas metas) {
        this.metas = metas;
        this.catalog = catalog;
        this.summaries = summaries;
        this.site = site;
    }

    @GetMapping("/tags/{tag}")
    String listTagged(
            @PathVariable String tag, @RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        Tag found = catalog.findTag(tag).orElseThrow(() -> new NotFoundException("tag " + tag));
        PostList list = catalog.tagged(tag, page, site.pageSize())
                .orElseThrow(() -> new NotFoundException("page " + page + " of tag " + tag));
        model.addAttribute("tag", found);
        model.addAttribute(
                "meta",
                metas.forTag(found, page == 1 ? "/tags/" + tag : "/tags/" + tag + "?page=" + page, found.name()));
        model.addAttribute("posts", summaries.of(list.posts(), locale));
        model.addAttribute("pagination", Pagination.of("/tags/" + tag, list.page(), list.totalPages()));
        return "tags/show";
    }
}
