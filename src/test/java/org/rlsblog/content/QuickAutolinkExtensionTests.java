package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The site's renderer with the quick autolink extension gives exactly what it gives with
 * flexmark's own (HTML, contents, first paragraph, words, citations), links or no links.
 */
class QuickAutolinkExtensionTests {

    static Stream<String> markdown() throws IOException {
        List<String> tricky = List.of(
                "See https://www.ncbi.nlm.nih.gov/pmc/articles/PMC123/ for the study.",
                "Mail the author at author@example.org, or www.example.org.",
                "WWW.EXAMPLE.ORG and Www.example.org/path?q=1 too",
                "A scheme with nothing after it: ftp:// and a word.",
                "It's \"quoted\" https://example.org/it's-here and 'single' quotes.",
                "An entity before a link: &amp;https://example.org/a&amp;b and &#64;author",
                "Escaped: https\\://example.org and user\\@example.org",
                "Time 10:30, ratio 1:2, no links; words with w: wow, www, swww.",
                "`https://example.org/in-code` stays code, [a link](https://example.org) stays one.",
                "<https://example.org/angle> and <author@example.org>",
                "| table | with https://example.org |\n|---|---|\n| cell | www.example.org |",
                "Footnote[^1].\n\n[^1]: Smith 2020, https://doi.org/10.1000/xyz.",
                "Plain text with no link at all, -- dashes... and \"quotes\".");
        Stream<String> content;
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            List<String> texts = files.filter(f -> f.toString().endsWith(".md"))
                    .map(QuickAutolinkExtensionTests::read)
                    .toList();
            content = texts.stream();
        }
        return Stream.concat(tricky.stream(), content);
    }

    private static final MarkdownRenderer STOCK = new MarkdownRenderer(AutolinkExtension.create());
    private static final MarkdownRenderer QUICK = new MarkdownRenderer();

    @ParameterizedTest
    @MethodSource("markdown")
    void rendersWhatFlexmarksAutolinkExtensionRenders(String markdown) {
        assertThat(QUICK.render(markdown)).isEqualTo(STOCK.render(markdown));
    }

    @ParameterizedTest
    @MethodSource("markdown")
    void theTestTextsHoldLinksWhereTheySeemTo(String markdown) {
        if (markdown.contains("https://www.ncbi") || markdown.startsWith("Mail the author")) {
            assertThat(STOCK.render(markdown).html().toString())
                    .as("autolinked: %s", markdown)
                    .contains("<a href=\"");
            assertThat(new MarkdownRenderer(TypographicExtension.create())
                            .render(markdown)
                            .html()
                            .toString())
                    .as("without autolinks: %s", markdown)
                    .doesNotContain("<a href=\"");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
