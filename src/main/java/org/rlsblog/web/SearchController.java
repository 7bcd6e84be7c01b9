package org.rlsblog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.rlsblog.NotFoundException;
import org.rlsblog.search.SearchIndex;
import org.rlsblog.search.SearchResults;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /search?q=}: ranked results with highlighted snippets, a page at a time. A search the
 * {@link SearchGate} refused (too many from one client: 429; every slot taken: 503) gets the page
 * with its words back in the search box and the reason.
 */
@Controller
class SearchController {

    private static final int PAGE_SIZE = 10;

    private final SearchIndex index;
    private final SiteProperties site;
    private final PageMetas metas;

    SearchController(SearchIndex index, SiteProperties site, PageMetas metas) {
        this.index = index;
        this.site = site;
        this.metas = metas;
    }

    /** Deeper pages are refused before the index is asked: nobody reads them, crawlers would. */
    private static final int MAX_PAGE = 1000;

    record ResultView(String url, String title, String snippetHtml) {}

    @GetMapping("/search")
    String search(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (page < 1 || page > MAX_PAGE) {
            throw new NotFoundException("search page " + page);
        }
        model.addAttribute("meta", metas.forSite("/search", site.title()));
        if (request.getAttribute(SearchRefusal.ATTRIBUTE) instanceof SearchRefusal refusal) {
            // the reader's words stay in the box, to search again once the wait is over; the page
            // is answered to every refused search alike, so it offers no form with a per-reader token
            response.setStatus(refusal.status());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
            model.addAttribute("query", query.strip());
            model.addAttribute("retryAfterSeconds", refusal.retryAfterSeconds());
            model.addAttribute("busy", refusal.busy());
            model.addAttribute("sharedByAll", true);
            return "search/results";
        }
        SearchResults results = index.search(query, page, PAGE_SIZE);
        if (page > 1 && results.hits().isEmpty()) {
            // past the last page (a bookmark kept while the index changed): as the lists answer
            throw new NotFoundException("search page " + page + " of " + results.totalPages());
        }
        model.addAttribute("query", results.query());
        model.addAttribute("total", results.total());
        model.addAttribute(
                "results",
                results.hits().stream()
                        .map(hit -> new ResultView("/posts/" + hit.slug(), hit.title(), hit.snippetHtml()))
                        .toList());
        String base = "/search?q=" + URLEncoder.encode(results.query(), StandardCharsets.UTF_8);
        String newer = results.page() > 1 ? base + "&page=" + (results.page() - 1) : null;
        String older = results.page() < results.totalPages() ? base + "&page=" + (results.page() + 1) : null;
        model.addAttribute("pagination", new Pagination(results.page(), results.totalPages(), newer, older));
        model.addAttribute("shortened", results.shortened());
        model.addAttribute("incomplete", results.incomplete());
        return "search/results";
    }
}
