package org.rlsblog.web;

import jakarta.servlet.RequestDispatcher;
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

    record LanguageLinks(String en, String nl) {}

    /**
     * The language switch: this address in each language, with its query kept (a search's terms,
     * the page number, the comment replied to) but for {@code lang}. A refused comment's page
     * (a POST to {@code /posts/{slug}/comments}) switches on the post's own address.
     */
    @ModelAttribute("languageLinks")
    LanguageLinks languageLinks(HttpServletRequest request) {
        String path = currentPath(request);
        boolean errorPage = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null;
        if (!"GET".equals(request.getMethod()) && path.startsWith("/posts/") && path.endsWith("/comments")) {
            path = path.substring(0, path.length() - "/comments".length());
        }
        StringBuilder prefix = new StringBuilder(path).append('?');
        String query = errorPage || !"GET".equals(request.getMethod()) ? null : request.getQueryString();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (!parameter.isEmpty() && !parameter.equals("lang") && !parameter.startsWith("lang=")) {
                    prefix.append(parameter).append('&');
                }
            }
        }
        return new LanguageLinks(prefix + "lang=en", prefix + "lang=nl");
    }

    /** The path without a query (the page's own address in its head metadata). */
    private static String currentPath(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String errorUri ? errorUri : request.getRequestURI();
        return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    }
}
