package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The quick autolink extension renders exactly what flexmark's own does, links or no links. */
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

    @ParameterizedTest
    @MethodSource("markdown")
    void rendersWhatFlexmarksAutolinkExtensionRenders(String markdown) {
        String stock = render(markdown, AutolinkExtension.create());
        String quick = render(markdown, new QuickAutolinkExtension());

        assertThat(quick).isEqualTo(stock);
    }

    @ParameterizedTest
    @MethodSource("markdown")
    void theTestTextsHoldLinksWhereTheySeemTo(String markdown) {
        boolean linked = render(markdown, AutolinkExtension.create()).contains("<a href=");
        boolean linkedWithout = render(markdown, TypographicExtension.create()).contains("<a href=");
        if (markdown.contains("https://www.ncbi") || markdown.startsWith("Mail the author")) {
            assertThat(linked && !linkedWithout).as("autolinked: %s", markdown).isTrue();
        }
    }

    private static String render(String markdown, Extension autolinks) {
        MutableDataSet options = new MutableDataSet();
        options.set(
                Parser.EXTENSIONS,
                List.of(
                        TablesExtension.create(),
                        FootnoteExtension.create(),
                        autolinks,
                        TypographicExtension.create()));
        return HtmlRenderer.builder(options)
                .build()
                .render(Parser.builder(options).build().parse(markdown));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
