package org.rlsblog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.search.IndexSearcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlsblog.SeoSiteTestSupport;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.springframework.beans.factory.annotation.Autowired;

class SearchIndexTests extends SeoSiteTestSupport {

    @Autowired
    SearchIndex index;

    @Autowired
    PostCatalog catalog;

    @ParameterizedTest
    @ValueSource(strings = {"livers", "stored", "Stored", "metabolisms"})
    void findsTheSeedArticleByAnInflectedWordAndMarksItInTheSnippet(String query) {
        SearchResults results = index.search(query, 1, 10);

        SearchHit seed = hit(results, SEED_SLUG);
        assertThat(seed.title()).isEqualTo("RLS and Liver Diseases");
        assertThat(Jsoup.parseBodyFragment(seed.snippetHtml()).select("mark")).isNotEmpty();
    }

    @Test
    void findsADutchPostByADutchInflection() {
        SearchHit dutch = hit(index.search("wandeling", 1, 10), DUTCH_SLUG);

        assertThat(Jsoup.parseBodyFragment(dutch.snippetHtml()).select("mark").text())
                .containsIgnoringCase("wandelingen");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"unbalanced",
                "*",
                "title:(",
                "AND",
                "OR NOT",
                "((((",
                "-",
                "~2",
                "\\",
                "liver\u0000",
                "\u0000",
                "+-|*\"~()",
                "   "
            })
    void answersAnyQueryWithoutFailing(String query) {
        assertThatCode(() -> index.search(query, 1, 10)).doesNotThrowAnyException();
    }

    @Test
    void stopsCollectingHitsWhenASearchRunsOutOfTime() {
        IndexSearcher searcher = new SearchIndexBuilder(SearchFields.analyzer()).build(catalog.allPosts(), () -> false);
        long now = clock.millis();

        SearchResults unhurried = new PostSearch(catalog, SearchFields.analyzer(), Duration.ofMinutes(1))
                .search(searcher, "magnesium", 1, 10, now);
        SearchResults outOfTime = new PostSearch(catalog, SearchFields.analyzer(), Duration.ZERO)
                .search(searcher, "magnesium", 1, 10, now);

        assertThat(unhurried.incomplete()).isFalse();
        assertThat(unhurried.total()).isEqualTo(MAGNESIUM_POSTS);
        assertThat(outOfTime.incomplete()).isTrue();
        assertThat(outOfTime.total()).isLessThan(MAGNESIUM_POSTS);
    }

    @Test
    void cutsAVeryLongQueryInsteadOfFailing() {
        SearchResults results = index.search("liver ".repeat(100), 1, 10);

        assertThat(results.query()).hasSizeLessThanOrEqualTo(200);
        assertThat(results.hits()).extracting(SearchHit::slug).contains(SEED_SLUG);
    }

    @Test
    void pagesThroughManyResults() {
        SearchResults first = index.search("magnesium", 1, 10);
        SearchResults second = index.search("magnesium", 2, 10);

        assertThat(first.total()).isEqualTo(MAGNESIUM_POSTS);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.hits()).hasSize(10);
        assertThat(second.hits()).hasSize(MAGNESIUM_POSTS - 10);
        assertThat(second.hits())
                .extracting(SearchHit::slug)
                .doesNotContainAnyElementsOf(
                        first.hits().stream().map(SearchHit::slug).toList());
    }

    @Test
    void findsAScheduledPostOnlyOnceTheClockHasPassedItsDateAndADraftNever() {
        assertThat(index.search("quokka", 1, 10).hits()).isEmpty();
        assertThat(index.search("zanzibarian", 1, 10).hits()).isEmpty();

        at(SCHEDULED_AT.plusSeconds(1), () -> {
            assertThat(index.search("quokka", 1, 10).hits())
                    .extracting(SearchHit::slug)
                    .containsExactly(SCHEDULED_SLUG);
            assertThat(index.search("zanzibarian", 1, 10).hits()).isEmpty();
        });
    }

    @Test
    void escapesTheArticleTextInASnippetAndAddsNoMarkupButMark() {
        SearchHit hit = hit(index.search("doses", 1, 10), REVIEWED_SLUG);
        var snippet = Jsoup.parseBodyFragment(hit.snippetHtml()).body();

        assertThat(snippet.select("*").stream().skip(1).map(Element::tagName)).containsOnly("mark");
        assertThat(snippet.text()).contains("Doses <200 mg> & more");
        assertThat(hit.snippetHtml()).contains("&lt;200 mg&gt;");
    }

    @Test
    void prefersPostsSharingTagsOverPostsWithSimilarText() {
        Post seed = catalog.findPost(SEED_SLUG).orElseThrow();

        List<String> related = index.related(seed, 3).stream().map(Post::slug).toList();

        assertThat(related).first().isEqualTo(REVIEWED_SLUG);
        assertThat(related).contains(LIVER_FACTS_SLUG).doesNotContain(SEED_SLUG, SCHEDULED_SLUG);
        assertThat(related.indexOf(REVIEWED_SLUG)).isLessThan(related.indexOf(LIVER_FACTS_SLUG));
    }

    @Test
    void reusesAPageOfResultsForTheSameWordsInsteadOfSearchingAgain() {
        SearchResults first = index.search("magnesium", 1, 10);

        assertThat(index.search(" magnesium ", 1, 10)).isSameAs(first);
        assertThat(index.search("magnesium", 2, 10)).isNotSameAs(first);
    }

    @Test
    void answersRelatedPostsAtOnceBeforeTheFirstIndexIsBuiltAndSaysWhenTextCanJoinIn() {
        List<Object> published = new CopyOnWriteArrayList<>();
        SearchIndex fresh = new SearchIndex(
                catalog, Clock.systemUTC(), published::add, new SearchProperties(0, Duration.ofMinutes(1), 1));
        Post seed = catalog.findPost(SEED_SLUG).orElseThrow();

        List<String> early = Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> fresh.related(seed, 3).stream().map(Post::slug).toList(),
                "an article must not wait for the search index");
        assertThat(early).first().isEqualTo(REVIEWED_SLUG);
        assertThat(early).as("text similarity needs the index").doesNotContain(LIVER_FACTS_SLUG);
        assertThat(published).isEmpty();

        fresh.onStarted();

        assertThat(published).singleElement().isInstanceOf(SearchIndexRebuilt.class);
        assertThat(fresh.related(seed, 3).stream().map(Post::slug)).contains(REVIEWED_SLUG, LIVER_FACTS_SLUG);
    }

    private static SearchHit hit(SearchResults results, String slug) {
        return results.hits().stream()
                .filter(h -> h.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> new AssertionError(slug + " not found for '" + results.query() + "' in "
                        + results.hits().stream().map(SearchHit::slug).toList()));
    }
}
