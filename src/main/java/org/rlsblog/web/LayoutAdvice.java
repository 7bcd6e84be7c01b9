package org.rlsblog.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.rlsblog.content.PostCatalog;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the site's name, the footer's page links, the current path. */
@ControllerAdvice
class LayoutAdvice {

    /** One slash, then only what RFC 3986 allows in a path (percent-encoded or not), never two slashes first. */
    private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@%/]*");

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
     * (a POST to {@code /posts/{slug}/comments}) switches on the post's own address; an address that
     * is not a plain path on this site switches on the home page.
     */
    @ModelAttribute("languageLinks")
    LanguageLinks languageLinks(HttpServletRequest request) {
        String path = currentPath(request);
        boolean errorPage = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
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

    /**
     * The path without a query (the page's own address in its head metadata and language switch), or
     * {@code /} when the address asked for is not a plain path on this site. On an error page it is
     * the address that failed, as the client sent it: {@code //evil.example/x} would be a link to
     * another host, and a backslash, a space or a control character can make a browser read one.
     */
    private static String currentPath(HttpServletRequest request) {
        String uri;
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            uri = original instanceof String errorUri ? errorUri : "/";
        } else {
            uri = request.getRequestURI();
        }
        String path =
                uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return SITE_PATH.matcher(path).matches() ? path : "/";
    }
}
