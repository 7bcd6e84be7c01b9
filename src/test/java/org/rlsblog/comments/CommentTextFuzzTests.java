package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whatever a reader types, the rendered comment holds only paragraphs, line breaks and http(s)
 * links with {@code rel} and {@code href}: no element or attribute from the input. Fuzzes with
 * Jazzer when {@code JAZZER_FUZZ=1}; otherwise replays the corpus in {@code CommentTextFuzzTestsInputs}.
 */
class CommentTextFuzzTests {

    private static final CommentTextRenderer RENDERER = new CommentTextRenderer();
    private static final Set<String> ALLOWED = Set.of("p", "br", "a");

    @FuzzTest(maxDuration = "60s")
    void readerTextNeverBecomesMarkup(@NotNull String text) {
        Document html = Jsoup.parseBodyFragment(RENDERER.toHtml(text));
        for (Element element : html.body().getAllElements()) {
            if (element == html.body()) {
                continue;
            }
            assertThat(ALLOWED).contains(element.tagName());
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).isIn("href", "rel");
                if (attribute.getKey().equals("href")) {
                    // only the scheme matters here; the rest may hold any character the autolink
                    // library takes into a URL, U+0085 (a line end to a regex without s) included
                    assertThat(attribute.getValue()).matches("(?is)https?://.*");
                }
            }
        }
    }
}
