package org.rlsblog.web;

import org.rlsblog.NotFoundException;
import org.rlsblog.content.Page;
import org.rlsblog.content.PostCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Stand-alone pages from {@code content/pages/}: About, disclaimer, privacy. */
@Controller
class PageController {

    private final PostCatalog catalog;
    private final PageMetas metas;

    PageController(PostCatalog catalog, PageMetas metas) {
        this.catalog = catalog;
        this.metas = metas;
    }

    @GetMapping("/{slug:[a-z0-9]+(?:-[a-z0-9]+)*}")
    String showPage(@PathVariable String slug, Model model) {
        Page page = catalog.findPage(slug).orElseThrow(() -> new NotFoundException("page " + slug));
        model.addAttribute("page", page);
        model.addAttribute("meta", metas.forPage(page));
        model.addAttribute("lang", page.lang().toLanguageTag());
        return "pages/show";
    }
}
