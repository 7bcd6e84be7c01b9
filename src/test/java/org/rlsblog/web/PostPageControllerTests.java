package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import java.time.Instant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PostPageControllerTests extends SiteTestSupport {

    @Test
    void showsThePostWithTitleDateTagsAndDisclaimerLink() {
        Document page = html(mvc.get().uri("/posts/rls-and-liver-diseases").exchange());

        assertThat(page.select("article h1").text()).isEqualTo("RLS and Liver Diseases");
        assertThat(page.title()).startsWith("RLS and Liver Diseases – ");
        assertThat(page.selectFirst("time.published").attr("datetime")).isEqualTo("2023-03-14T09:00+01:00");
        assertThat(page.selectFirst("time.published").text()).isEqualTo("March 14, 2023");
        assertThat(page.select(".article-header a.tag").eachAttr("href"))
                .containsExactly("/tags/rls", "/tags/liver", "/tags/traditional-chinese-medicine", "/tags/iron");
        assertThat(page.select(".disclaimer a[href=/disclaimer]")).isNotEmpty();
        assertThat(page.select(".article-body h2").eachText()).containsExactly("What is a liver", "Restless legs");
    }

    @Test
    void setsTheHtmlLanguageFromThePost() {
        Document english = html(mvc.get().uri("/posts/rls-and-liver-diseases").exchange());
        Document dutch = html(mvc.get().uri("/posts/rusteloze-benen").exchange());

        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(dutch.selectFirst("html").attr("lang")).isEqualTo("nl");
        assertThat(dutch.select("nav.site-nav a").eachText())
                .as("the interface stays English")
                .contains("Archive");
    }

    @Test
    void linksToTheNewerAndOlderPost() {
        Document page = html(mvc.get().uri("/posts/iron-and-ferritin").exchange());

        assertThat(page.select("a.newer").attr("href")).isEqualTo("/posts/sleep");
        assertThat(page.select("a.older").attr("href")).isEqualTo("/posts/rusteloze-benen");
    }

    @Test
    void doesNotLinkTheNewestPostToAFuturePost() {
        Document page = html(mvc.get().uri("/posts/sleep").exchange());

        assertThat(page.select("a.newer")).isEmpty();
        assertThat(page.select("a.older").attr("href")).isEqualTo("/posts/iron-and-ferritin");
    }

    @Test
    void publishesAScheduledPostWhenItsMomentComesWithoutReload() {
        assertThat(mvc.get().uri("/posts/scheduled").exchange()).hasStatus(404);
        try {
            clock.set(Instant.parse("2999-01-01T00:00:00+01:00"));

            assertThat(mvc.get().uri("/posts/scheduled").exchange()).hasStatusOk();
            assertThat(html(mvc.get().uri("/").exchange())
                            .select(".post-card-title")
                            .eachText())
                    .first()
                    .isEqualTo("A post from the future");
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    void answersAnUnknownPostWithTheNotFoundPage() throws Exception {
        assertNotFoundPage(browse("/posts/no-such-post"));
    }

    @Test
    void answersAFuturePostWithTheNotFoundPage() throws Exception {
        assertNotFoundPage(browse("/posts/scheduled"));
    }
}
