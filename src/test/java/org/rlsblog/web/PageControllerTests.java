package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageControllerTests extends SiteTestSupport {

    @ParameterizedTest
    @CsvSource({"/about, About", "/disclaimer, Medical disclaimer", "/privacy, Privacy"})
    void servesTheSitePages(String path, String title) {
        Document page = html(mvc.get().uri(path).exchange());

        assertThat(page.select("article h1").text()).isEqualTo(title);
        assertThat(page.select(".article-body p")).isNotEmpty();
    }

    @Test
    void listsThePagesInTheFooter() {
        Document home = html(mvc.get().uri("/").exchange());

        assertThat(home.select("footer a").eachAttr("href")).contains("/about", "/disclaimer", "/privacy", "/archive");
    }

    @Test
    void answersAnUnknownPageWithTheNotFoundPage() throws Exception {
        assertNotFoundPage(browse("/no-such-page"));
    }
}
