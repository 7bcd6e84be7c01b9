package org.rlsblog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.rlsblog.content.PostCatalog;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the site's name, the footer's page links, the current path. */
@ControllerAdvice
class LayoutAdvice {

    private final SiteProperties site;
    private final PostCatalog catalog;
    private final PageMetas metas;

    LayoutAdvice(SiteProperties site, PostCatalog catalog, PageMetas metas) {
        this.site = site;
        this.catalog = catalog;
        this.metas = metas;
    }

    /** Head metadata for pages that set none of their own (lists, archive, errors). */
    @ModelAttribute("meta")
    PageMeta meta(HttpServletRequest request) {
        return metas.forSite(currentPath(request), site.title());
    }

    record NavLink(String url, String title) {}

    record SiteView(String title, String author, List<NavLink> pages) {}

    @ModelAttribute("site")
    SiteView site() {
        return new SiteView(
                site.title(),
                site.author(),
                catalog.pages().stream()
                        .map(p -> new NavLink(p.url(), p.title()))
                        .toList());
    }

    /** The path without a query, for the language switch links. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String errorUri ? errorUri : request.getRequestURI();
        return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    }
}
