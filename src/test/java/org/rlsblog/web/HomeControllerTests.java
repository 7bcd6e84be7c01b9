package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HomeControllerTests extends SiteTestSupport {

    @Test
    void listsPublishedPostsNewestFirst() {
        Document home = html(mvc.get().uri("/").exchange());

        assertThat(home.select(".post-card-title a").eachText())
                .containsExactly(
                        "Sleeping with restless legs",
                        "Iron and ferritin",
                        "Rusteloze benen en de lever",
                        "RLS and Liver Diseases");
        assertThat(home.select(".post-card-title a").eachAttr("href"))
                .containsExactly(
                        "/posts/sleep",
                        "/posts/iron-and-ferritin",
                        "/posts/rusteloze-benen",
                        "/posts/rls-and-liver-diseases");
    }

    @Test
    void leavesOutPostsDatedInTheFuture() {
        assertThat(mvc.get().uri("/").exchange()).bodyText().doesNotContain("A post from the future");
    }

    @Test
    void showsTitleDateSummaryReadingTimeAndTagsOnACard() {
        Element card =
                html(mvc.get().uri("/").exchange()).select("article.post-card").get(1);

        assertThat(card.select(".post-card-title").text()).isEqualTo("Iron and ferritin");
        assertThat(card.selectFirst("time").attr("datetime")).isEqualTo("2024-02-10T10:00+01:00");
        assertThat(card.selectFirst("time").text()).isEqualTo("February 10, 2024");
        assertThat(card.select(".post-card-summary").text()).isEqualTo("Why the doctor checks ferritin first.");
        assertThat(card.select(".post-meta").text()).contains("3 min read");
        assertThat(card.select("a.tag").eachAttr("href")).containsExactly("/tags/iron", "/tags/rls");
        assertThat(card.select("a.tag").eachText()).containsExactly("iron", "RLS");
    }

    @Test
    void marksACardWithThePostsLanguage() {
        Element card =
                html(mvc.get().uri("/").exchange()).select("article.post-card").get(2);

        assertThat(card.attr("lang")).isEqualTo("nl");
    }

    @Test
    void needsNoPaginationWhenAllPostsFit() {
        assertThat(html(mvc.get().uri("/").exchange()).select("nav.pagination")).isEmpty();
    }

    @Test
    void answersPageZeroWithTheNotFoundPage() throws Exception {
        assertNotFoundPage(browse("/?page=0"));
    }

    @Test
    void answersAPagePastTheEndWithTheNotFoundPage() throws Exception {
        assertNotFoundPage(browse("/?page=999"));
    }

    @Test
    void answersAPageThatIsNotANumberWithAnErrorPage() throws Exception {
        var response = browse("/?page=abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("error-page").doesNotContain("Exception");
    }
}
