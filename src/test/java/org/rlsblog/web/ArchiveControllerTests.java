package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;
import org.rlsblog.content.ContentInContext;
import org.rlsblog.newsletter.NewsletterSwitchInContext;
import org.rlsblog.notification.Notifications;
import org.rlsblog.search.SearchProperties;
import org.rlsblog.security.SecurityInContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The archive page with its view, as a slice: the controller, the layout, the content of {@link
 * TestSite} and the site's security chain, without the store, search or the page cache. The web
 * configuration's search gate comes along, as the slice takes every MVC configuration. The
 * newsletter is off, as no mail server is set up.
 */
@WebMvcTest(controllers = ArchiveController.class, properties = "blog.watch=false")
@EnableConfigurationProperties({SiteProperties.class, SearchProperties.class})
@Import({
    PageMetas.class,
    SearchRateLimit.class,
    RefusedSearchPages.class,
    ContentInContext.class,
    SecurityInContext.class,
    NewsletterSwitchInContext.class,
    TestClock.InContext.class
})
class ArchiveControllerTests {

    @Autowired
    MockMvcTester mvc;

    /** No mail server, as in the full-site tests: the footer offers no newsletter. */
    @MockitoBean
    Notifications notifications;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> TestSite.contentDir().toString());
        registry.add("blog.data-dir", () -> TestSite.dataDir().toString());
    }

    @Test
    void groupsPostsByYearAndMonthNewestFirst() {
        Document page = html(mvc.get().uri("/archive").exchange());

        assertThat(page.select("main section h2").eachText()).containsExactly("2024", "2023");
        Element year2024 = page.getElementById("year-2024").parent();
        Element year2023 = page.getElementById("year-2023").parent();
        assertThat(year2024.select("h3").eachText()).containsExactly("February");
        assertThat(year2024.select("li a").eachText())
                .containsExactly("Sleeping with restless legs", "Iron and ferritin");
        assertThat(year2023.select("h3").eachText()).containsExactly("November", "March");
        assertThat(year2023.select("h3").eachAttr("id")).containsExactly("month-2023-11", "month-2023-03");
        assertThat(year2023.select("li a").eachAttr("href"))
                .containsExactly("/posts/rusteloze-benen", "/posts/rls-and-liver-diseases");
    }

    @Test
    void leavesOutFuturePosts() {
        assertThat(mvc.get().uri("/archive").exchange()).bodyText().doesNotContain("A post from the future", "2999");
    }

    @Test
    void namesMonthsInTheReadersLanguage() {
        Document page = html(mvc.get().uri("/archive?lang=nl").exchange());

        assertThat(page.select("main h1").text()).isEqualTo("Archief");
        assertThat(page.select("#year-2023 ~ h3").eachText()).containsExactly("november", "maart");
    }
}
