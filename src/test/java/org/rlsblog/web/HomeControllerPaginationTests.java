package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Pagination of the home and tag pages, one post per page over the test site's four posts. */
@TestPropertySource(properties = "blog.site.page-size=1")
class HomeControllerPaginationTests extends SiteTestSupport {

    @Test
    void linksTheFirstPageToOlderPostsOnly() {
        Document page = html(mvc.get().uri("/").exchange());

        assertThat(page.select(".post-card-title").eachText()).containsExactly("Sleeping with restless legs");
        assertThat(page.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/?page=2");
        assertThat(page.select("nav.pagination a[rel=prev]")).isEmpty();
        assertThat(page.select(".pagination-position").text()).isEqualTo("Page 1 of 4");
    }

    @Test
    void linksAMiddlePageBothWaysWithTheFirstPageAsPlainHome() {
        Document page = html(mvc.get().uri("/?page=2").exchange());

        assertThat(page.select(".post-card-title").eachText()).containsExactly("Iron and ferritin");
        assertThat(page.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/");
        assertThat(page.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/?page=3");
    }

    @Test
    void linksTheLastPageToNewerPostsOnly() {
        Document page = html(mvc.get().uri("/?page=4").exchange());

        assertThat(page.select(".post-card-title").eachText()).containsExactly("RLS and Liver Diseases");
        assertThat(page.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/?page=3");
        assertThat(page.select("nav.pagination a[rel=next]")).isEmpty();
    }

    @Test
    void hasNoPageAfterTheLast() throws Exception {
        assertNotFoundPage(browse("/?page=5"));
    }

    @Test
    void paginatesATagPage() {
        Document first = html(mvc.get().uri("/tags/rls").exchange());
        Document second = html(mvc.get().uri("/tags/rls?page=2").exchange());

        assertThat(first.select(".post-card-title").eachText()).containsExactly("Iron and ferritin");
        assertThat(first.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/tags/rls?page=2");
        assertThat(second.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/tags/rls");
        assertThat(mvc.get().uri("/tags/rls?page=4").exchange()).hasStatus(404);
    }
}
