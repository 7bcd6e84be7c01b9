package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document html(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html().toString());
    }

    @Test
    void rendersTablesWithTheSiteClass() {
        Document doc = html("""
                | Supplement | Dose |
                |------------|------|
                | Iron       | 100  |
                """);

        Element table = doc.selectFirst("table");
        assertThat(table).isNotNull();
        assertThat(table.hasClass("table")).isTrue();
        assertThat(doc.select("th").eachText()).containsExactly("Supplement", "Dose");
        assertThat(doc.select("td").eachText()).containsExactly("Iron", "100");
    }

    @Test
    void rendersFootnotesWithBackLinks() {
        Document doc = html("Ferritin matters.[^1]\n\n[^1]: Source: a study.\n");

        Element reference = doc.selectFirst("sup a[href^=#fn]");
        assertThat(reference).isNotNull();
        String target = reference.attr("href").substring(1);
        Element note = doc.getElementById(target);
        assertThat(note).isNotNull();
        assertThat(note.text()).contains("Source: a study.").contains("↩");
    }

    @Test
    void linksDoiAndPubMedIdentifiersInReferencesAsCitations() {
        RenderedMarkdown rendered = renderer.render("""
                Iron helps.[^1] So does sleep.[^2]

                [^1]: Allen RP et al. Sleep Med. 2018. doi:10.1016/j.sleep.2017.11.012.
                [^2]: Trenkwalder C. PMID:29425576; see also `doi:10.1000/not-in-code`
                """);
        Document html = Jsoup.parseBodyFragment(rendered.html().toString());

        assertThat(html.select(".footnotes cite.citation a"))
                .extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly(
                        "https://doi.org/10.1016/j.sleep.2017.11.012 doi:10.1016/j.sleep.2017.11.012",
                        "https://pubmed.ncbi.nlm.nih.gov/29425576/ PMID 29425576");
        assertThat(html.select(".footnotes").text()).contains("2018. doi:10.1016/j.sleep.2017.11.012.");
        assertThat(rendered.citations())
                .contains("https://doi.org/10.1016/j.sleep.2017.11.012", "https://pubmed.ncbi.nlm.nih.gov/29425576/");
    }

    @Test
    void rendersStrikethrough() {
        assertThat(html("It is ~~not~~ true.").select("del").text()).isEqualTo("not");
    }

    @Test
    void makesQuotesAndDashesTypographic() {
        String text = html("\"Quoted\" and it's -- here...").text();

        assertThat(text).contains("“Quoted”").contains("it’s").contains("–").contains("…");
    }

    @Test
    void givesHeadingsIdsAndAnchorLinks() {
        Document doc = html("## What is a liver\n\n### Restless legs\n");

        Element h2 = doc.selectFirst("h2");
        assertThat(h2.id()).isEqualTo("what-is-a-liver");
        assertThat(h2.selectFirst("a.heading-anchor").attr("href")).isEqualTo("#what-is-a-liver");
        assertThat(h2.text()).isEqualTo("What is a liver");
        assertThat(doc.selectFirst("h3").id()).isEqualTo("restless-legs");
    }

    @Test
    void collectsTheTableOfContentsFromH2AndH3() {
        RenderedMarkdown rendered = renderer.render("# Top\n\n## One\n\n### One a\n\n#### Deep\n");

        assertThat(rendered.toc()).containsExactly(new TocEntry(2, "one", "One"), new TocEntry(3, "one-a", "One a"));
    }

    @Test
    void appliesAttributes() {
        Document doc = html("## Notes {#notes .special}\n\nA paragraph.\n{.lead}\n");

        Element heading = doc.selectFirst("h2");
        assertThat(heading.id()).isEqualTo("notes");
        assertThat(heading.hasClass("special"))
                .as("the class lands on the heading")
                .isTrue();
        assertThat(doc.select("[id=notes]")).as("one element with the id").hasSize(1);
        assertThat(doc.selectFirst("p").hasClass("lead")).isTrue();
    }

    @Test
    void appliesAttributesToInlineElements() {
        Document doc = html("*word*{.x} and [link](/a){.y}");

        assertThat(doc.selectFirst("em").hasClass("x")).isTrue();
        assertThat(doc.selectFirst("a[href=/a]").hasClass("y")).isTrue();
    }

    @Test
    void turnsBareAddressesIntoLinks() {
        Element link = html("See https://example.org/rls for more.").selectFirst("a");

        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("https://example.org/rls");
    }

    @Test
    void readsTheFirstParagraphAndCountsWords() {
        RenderedMarkdown rendered = renderer.render("## Heading\n\nOne *two* three.\n\nFour five.\n");

        assertThat(rendered.firstParagraph()).isEqualTo("One two three.");
        assertThat(rendered.words()).isEqualTo(6);
    }

    @Test
    void rendersAnEmptyBody() {
        RenderedMarkdown rendered = renderer.render("");

        assertThat(rendered.html().toString()).isEmpty();
        assertThat(rendered.firstParagraph()).isEmpty();
        assertThat(rendered.words()).isZero();
        assertThat(rendered.toc()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "one",
                " one ",
                "one two",
                "one  \t two\nthree",
                "  leading and trailing  ",
                "a\u00A0b c"
            })
    void countsWordsAsRunsOfNonBlankCharacters(String text) {
        int expected = text.isBlank() ? 0 : text.trim().split("\\s+").length;

        assertThat(MarkdownRenderer.countWords(text)).isEqualTo(expected);
    }
}
