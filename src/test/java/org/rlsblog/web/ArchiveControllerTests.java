package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ArchiveControllerTests extends SiteTestSupport {

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
