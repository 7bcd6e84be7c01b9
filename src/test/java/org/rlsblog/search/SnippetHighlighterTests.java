package org.rlsblog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.junit.jupiter.api.Test;

class SnippetHighlighterTests {

    private static SnippetHighlighter forQuery(String query) {
        return new SnippetHighlighter(
                new SimpleQueryParser(SearchFields.analyzer(), SearchFields.WEIGHTS).parse(query));
    }

    @Test
    void marksTheMatchedWordsAndEscapesTheRest() throws IOException {
        String snippet = forQuery("livers").snippet("The liver <stores> iron & more.");

        assertThat(snippet)
                .contains("<mark>liver</mark>")
                .contains("&lt;stores&gt;")
                .endsWith(" …");
    }

    @Test
    void startsAtTheArticlesStartCutAtAWordWhenNothingMatches() throws IOException {
        String text = "word ".repeat(100) + "<end>";

        String snippet = forQuery("zanzibarian").snippet(text);

        assertThat(snippet).startsWith("word word").endsWith("word &hellip;").doesNotContain("end");
        assertThat(forQuery("zanzibarian").snippet("Short & sweet")).isEqualTo("Short &amp; sweet");
    }

    @Test
    void hasNoSnippetForAnEmptyText() throws IOException {
        assertThat(forQuery("liver").snippet("")).isEmpty();
    }

    @Test
    void readsOnlyTheStartOfALongArticleForItsSnippet() throws IOException {
        String text = "word ".repeat(6_000) + "liver";

        assertThat(forQuery("liver").snippet(text)).doesNotContain("<mark>").startsWith("word word");
        assertThat(forQuery("liver").snippet("word ".repeat(100) + "liver")).contains("<mark>liver</mark>");
    }
}
