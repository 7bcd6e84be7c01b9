package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlsblog.HostilePayloads;

class CommentTextRendererTests {

    private static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "br", "a");

    private final CommentTextRenderer renderer = new CommentTextRenderer();

    public static List<String> hostilePayloads() {
        return HostilePayloads.all();
    }

    private Element render(String text) {
        return Jsoup.parseBodyFragment(renderer.toHtml(text)).body();
    }

    @Test
    void escapesMarkupSoItIsShownAsText() {
        String html = renderer.toHtml("I <3 my <b>doctor</b> & \"nurse\"");

        assertThat(html).isEqualTo("<p>I &lt;3 my &lt;b&gt;doctor&lt;/b&gt; &amp; &#34;nurse&#34;</p>");
        assertThat(render("I <3 my <b>doctor</b> & \"nurse\"").text()).isEqualTo("I <3 my <b>doctor</b> & \"nurse\"");
    }

    @Test
    void makesParagraphsOfBlankLineSeparatedTextAndLineBreaksOfSingleNewlines() {
        Element body = render("First line\nsecond line\n\n\nNew paragraph\r\nwith a CRLF\n \nThird");

        assertThat(body.select("> p")).hasSize(3);
        assertThat(body.select("> p").get(0).select("br")).hasSize(1);
        assertThat(body.select("> p").get(0).text()).isEqualTo("First line second line");
        assertThat(body.select("> p").get(1).select("br")).hasSize(1);
        assertThat(body.select("> p").get(2).text()).isEqualTo("Third");
    }

    @Test
    void dropsLeadingAndTrailingBlankLines() {
        assertThat(renderer.toHtml("\n\n  Hello  \n\n")).isEqualTo("<p>Hello</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/path?q=1&r=2", "http://example.org/"})
    void linksHttpAndHttpsAddressesWithNofollowUgcNoopener(String url) {
        Element body = render("See " + url + " for more");

        Element link = body.selectFirst("a");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo(url);
        assertThat(HostilePayloads.relTokens(link)).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
        assertThat(link.text()).isEqualTo(url);
        assertThat(link.attributes().size()).isEqualTo(2);
        assertThat(body.text()).isEqualTo("See " + url + " for more");
    }

    @Test
    void linksWwwAddressesOverHttps() {
        Element link = render("Try www.example.com today").selectFirst("a");

        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("https://www.example.com");
        assertThat(HostilePayloads.relTokens(link)).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
        assertThat(link.text()).isEqualTo("www.example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(document.cookie)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "vbscript:msgbox(1)",
                "ftp://example.com/file",
                "mailto:someone@example.com",
                "file:///etc/passwd"
            })
    void neverMakesALinkOfOtherSchemes(String text) {
        Element body = render("click " + text);

        assertThat(body.select("a")).isEmpty();
        assertThat(body.text()).isEqualTo("click " + text);
    }

    @Test
    void keepsTheTextOfALinkWithQuotesAndAnglesEscaped() {
        Element body = render("https://example.com/\"onmouseover=\"alert(1)");

        for (Element a : body.select("a")) {
            assertThat(a.attributes().asList()).extracting(Attribute::getKey).containsOnly("href", "rel");
        }
        assertThat(body.text()).isEqualTo("https://example.com/\"onmouseover=\"alert(1)");
    }

    @Test
    void readsTheHostileCorpusWithAtLeastFortyPayloads() {
        assertThat(hostilePayloads()).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest
    @MethodSource("hostilePayloads")
    void rendersAHostilePayloadAsOnlyParagraphsLineBreaksAndSafeLinks(String payload) {
        Element body = render(payload);

        assertOnlySafeMarkup(body);
        assertThat(render("before\n" + payload + "\n\nafter " + payload).select("*"))
                .allSatisfy(CommentTextRendererTests::assertSafeElement);
    }

    @ParameterizedTest
    @MethodSource("hostilePayloads")
    void showsEveryCharacterOfAHostilePayloadAsText(String payload) {
        Document parsed = Jsoup.parseBodyFragment(renderer.toHtml(payload));

        assertThat(parsed.body().wholeText().replace("\u00a0", " ").strip()).isEqualTo(payload.strip());
    }

    static void assertOnlySafeMarkup(Element root) {
        Stream.concat(Stream.of(root), root.select("*").stream())
                .filter(e -> e != root)
                .forEach(CommentTextRendererTests::assertSafeElement);
    }

    private static void assertSafeElement(Element element) {
        if (element.tagName().equals("body")
                || element.tagName().equals("html")
                || element.tagName().equals("head")) {
            return;
        }
        assertThat(element.tagName()).isIn(ALLOWED_ELEMENTS);
        if (element.tagName().equals("a")) {
            assertThat(element.attributes().asList())
                    .extracting(Attribute::getKey)
                    .containsOnly("href", "rel");
            assertThat(element.attr("href").toLowerCase(Locale.ROOT)).matches("^https?://.*");
            assertThat(HostilePayloads.relTokens(element)).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
        } else {
            assertThat(element.attributes().size())
                    .as("attributes of <%s>", element.tagName())
                    .isZero();
        }
    }
}
