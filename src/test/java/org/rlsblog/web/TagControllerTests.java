package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TagControllerTests extends SiteTestSupport {

    @Test
    void listsThePostsWithATagNewestFirst() {
        Document page = html(mvc.get().uri("/tags/rls").exchange());

        assertThat(page.select("main h1").text()).isEqualTo("Articles tagged “RLS”");
        assertThat(page.select(".post-card-title").eachText())
                .containsExactly("Iron and ferritin", "Rusteloze benen en de lever", "RLS and Liver Diseases");
    }

    @Test
    void answersAnUnknownTagWithTheNotFoundPage() throws Exception {
        assertNotFoundPage(browse("/tags/no-such-tag"));
    }

    @Test
    void answersATagOfOnlyFuturePostsWithTheNotFoundPage() throws Exception {
        assertNotFoundPage(browse("/tags/future-only"));
    }

    @Test
    void answersATagPagePastTheEndWithNotFound() {
        assertThat(mvc.get().uri("/tags/iron?page=2").exchange()).hasStatus(404);
    }
}
