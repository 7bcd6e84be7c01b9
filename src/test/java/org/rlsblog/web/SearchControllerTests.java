package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.TestPages.html;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlsblog.SeoSiteTestSupport;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class SearchControllerTests extends SeoSiteTestSupport {

    @Test
    void findsTheSeedArticleByLiversAndStoredWithTheWordMarked() {
        for (String query : List.of("livers", "stored")) {
            Document page = search(query);

            Element result = page.selectFirst("ol.search-results li:has(a[href=/posts/" + SEED_SLUG + "])");
            assertThat(result).as(query).isNotNull();
            assertThat(result.select("h2 a").text()).isEqualTo("RLS and Liver Diseases");
            assertThat(result.select("p.snippet mark")).as(query).isNotEmpty();
            assertThat(page.select("p.search-count").text()).as(query).matches("\\d+ articles? found");
        }
    }

    @Test
    void findsTheDutchPostByADutchInflection() {
        Document page = search("wandeling");

        assertThat(page.select("ol.search-results h2 a").eachAttr("href")).containsExactly("/posts/" + DUTCH_SLUG);
        assertThat(page.select("ol.search-results p.snippet mark").text()).isEqualTo("wandelingen");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"unbalanced",
                "*",
                "title:(",
                "AND",
                "NOT",
                "((((",
                "\\",
                "\u0000",
                "liver\u0000%00",
                "<script>"
            })
    void answersAQueryThatIsNotValidSyntaxWithAFriendlyPage(String query) {
        Document page = search(query);

        assertThat(page.select("main.search-page h1").text()).startsWith("Search");
        assertThat(page.select("main form[role=search] input[name=q]")).hasSize(1);
        assertThat(page.select("p.search-count").text()).matches("No articles found|\\d+ articles? found");
        assertThat(page.select("main script")).isEmpty();
    }

    @Test
    void answersAFiveHundredCharacterQueryWithAFriendlyPage() {
        Document page = search("a".repeat(500));

        assertThat(page.select("main.search-page h1").text()).startsWith("Search");
        assertThat(page.select("#search-page-q").val()).hasSize(200);
    }

    @Test
    void answersAnEncodedNulByteInTheAddressWithAFriendlyPage() {
        MvcTestResult result = mvc.get().uri("/search?q=%00liver").exchange();

        assertThat(result).hasStatusOk();
        assertThat(html(result).select("main.search-page h1")).hasSize(1);
    }

    @Test
    void showsTheHintForAnEmptyQuery() {
        for (MvcTestResult result : List.of(
                mvc.get().uri("/search").exchange(), mvc.get().uri("/search?q=").exchange())) {
            assertThat(result).hasStatusOk();
            Document page = html(result);

            assertThat(page.select("main p").text()).contains("Type one or more words to search the articles.");
            assertThat(page.select("ol.search-results")).isEmpty();
            assertThat(page.select("p.search-count")).isEmpty();
        }
    }

    @Test
    void pagesThroughManyResults() {
        Document first = search("magnesium");
        Document second = html(mvc.get()
                .uri("/search")
                .param("q", "magnesium")
                .param("page", "2")
                .exchange());

        assertThat(first.select("p.search-count").text()).isEqualTo(MAGNESIUM_POSTS + " articles found");
        assertThat(first.select("ol.search-results li")).hasSize(10);
        assertThat(first.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/search?q=magnesium&page=2");
        assertThat(first.select(".pagination-position").text()).isEqualTo("Page 1 of 2");
        assertThat(second.select("ol.search-results li")).hasSize(MAGNESIUM_POSTS - 10);
        assertThat(second.select("nav.pagination a[rel=prev]").attr("href"))
                .isIn("/search?q=magnesium", "/search?q=magnesium&page=1");
        assertThat(mvc.get().uri("/search?q=magnesium&page=3").exchange())
                .as("past the last page, as the lists answer")
                .hasStatus(404);
        assertThat(mvc.get().uri("/search?q=nothing-matches-this&page=1").exchange())
                .as("no hits on the first page is still a page that says so")
                .hasStatusOk();
        assertThat(mvc.get().uri("/search?q=magnesium&page=0").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/search?q=magnesium&page=1001").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/search?q=magnesium&page=two").exchange()).hasStatus4xxClientError();
    }

    @Test
    void findsAScheduledPostOnlyOnceTheClockHasPassedItsDate() {
        assertThat(search("quokka").select("ol.search-results li")).isEmpty();
        assertThat(search("quokka").select("main p").text()).contains("Nothing matched.");

        at(
                SCHEDULED_AT.plusSeconds(1),
                () -> assertThat(search("quokka")
                                .select("ol.search-results h2 a")
                                .eachAttr("href"))
                        .containsExactly("/posts/" + SCHEDULED_SLUG));
    }

    @Test
    void showsNoMarkupFromThePostInASnippetButMark() {
        Element snippet = search("doses").selectFirst("ol.search-results p.snippet");

        assertThat(snippet).isNotNull();
        assertThat(snippet.select("*").stream().skip(1).map(Element::tagName)).containsOnly("mark");
        assertThat(snippet.text()).contains("Doses <200 mg> & more");
    }

    @Test
    void offersTheSearchBoxInTheHeaderOfEveryPage() {
        for (String path : List.of("/", "/archive", "/about", "/posts/" + SEED_SLUG, "/tags/iron")) {
            Document page = html(mvc.get().uri(path).exchange());

            assertThat(page.select("header form[role=search][action=/search][method=get] input[name=q]"))
                    .as(path)
                    .hasSize(1);
        }
    }

    // ---- What one query may cost ----

    @Test
    void searchesOnlyTheFirstTenWordsAndSaysSo() {
        Document page = search("one two three four five six seven eight nine ten magnesium");

        assertThat(page.select("ol.search-results li")).isEmpty();
        assertThat(page.select("p.search-notice").text()).contains("first 10 words");
        assertThat(page.select("#search-page-q").val())
                .as("the reader's words stay in the box")
                .isEqualTo("one two three four five six seven eight nine ten magnesium");
        assertThat(search("one two three four five six seven eight nine magnesium")
                        .select("ol.search-results li"))
                .isNotEmpty();
    }

    @Test
    void takesStarAndTildeOnTheFirstTwoPatternsOnly() {
        assertThat(search("xqz* zzq~1 magnes*").select("ol.search-results li")).isEmpty();
        assertThat(search("xqz* zzq~1 magnes*").select("p.search-notice").text())
                .contains("*");
        assertThat(search("xqz* magnes*").select("ol.search-results li")).isNotEmpty();
    }

    @Test
    void takesAStarAfterOneLetterAsThatLetter() {
        assertThat(search("m*").select("ol.search-results li")).isEmpty();
        assertThat(search("ma*").select("ol.search-results li")).isNotEmpty();
    }

    @Test
    void findsAWordOneEditAwayButNotTwoNorAChangedFirstLetter() {
        assertThat(search("magnesiun~1").select("ol.search-results li")).hasSize(10);
        assertThat(search("magnesixx~2").select("ol.search-results li")).isEmpty();
        assertThat(search("nagnesium~1").select("ol.search-results li")).isEmpty();
    }

    private Document search(String query) {
        MvcTestResult result = mvc.get().uri("/search").param("q", query).exchange();
        assertThat(result).as("search for %s", query).hasStatusOk();
        return html(result);
    }
}
