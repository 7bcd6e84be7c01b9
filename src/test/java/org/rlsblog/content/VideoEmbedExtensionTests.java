package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Video addresses on a line of their own become posters; nothing else does, and nothing leaks through. */
class VideoEmbedExtensionTests {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    private static Document render(String markdown) {
        return render(markdown, Locale.ENGLISH);
    }

    private static Document render(String markdown, Locale lang) {
        return Jsoup.parseBodyFragment(MARKDOWN.render(markdown, lang).html().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://www.youtube.com/watch?v=dQw4w9WgXcQ             | https://www.youtube.com/watch?v=dQw4w9WgXcQ | https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1
            http://youtube.com/watch?feature=share&v=dQw4w9WgXcQ    | https://www.youtube.com/watch?v=dQw4w9WgXcQ | https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1
            https://m.youtube.com/watch?v=a-B_c1D2e3F               | https://www.youtube.com/watch?v=a-B_c1D2e3F | https://www.youtube-nocookie.com/embed/a-B_c1D2e3F?autoplay=1
            https://youtu.be/dQw4w9WgXcQ                            | https://www.youtube.com/watch?v=dQw4w9WgXcQ | https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1
            https://youtu.be/dQw4w9WgXcQ?t=90                       | https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s | https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90
            https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1h2m3s    | https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3723s | https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=3723
            https://www.youtube.com/shorts/dQw4w9WgXcQ              | https://www.youtube.com/shorts/dQw4w9WgXcQ | https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1
            https://vimeo.com/76979871                              | https://vimeo.com/76979871 | https://player.vimeo.com/video/76979871?autoplay=1&dnt=1
            https://www.vimeo.com/76979871/                         | https://vimeo.com/76979871 | https://player.vimeo.com/video/76979871?autoplay=1&dnt=1
            https://vimeo.com/76979871/8272103f6e                   | https://vimeo.com/76979871/8272103f6e | https://player.vimeo.com/video/76979871?h=8272103f6e&autoplay=1&dnt=1
            """)
    void readsEveryFormOfAddressAndRebuildsBothAddressesFromTheId(String address, String watch, String player) {
        VideoLink link = VideoLink.parse(address);

        assertThat(link).isNotNull();
        assertThat(link.watchUrl()).isEqualTo(watch);
        assertThat(link.playerUrl()).isEqualTo(player);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://www.youtube.com/watch?v=dQw4w9WgXc", // ten characters
                "https://www.youtube.com/watch?v=dQw4w9WgXcQQ",
                "https://www.youtube.com/watch?v=dQw4w9WgXc%22",
                "https://www.youtube.com/watch?v=dQw4w9WgXc\"",
                "https://www.youtube.com/watch?v=\"><script>alert(1)</script>",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onmouseover=\"alert(1)",
                "https://www.youtube.com/watch?vv=dQw4w9WgXcQ",
                "https://www.youtube.com/embed/dQw4w9WgXcQ/../../evil",
                "https://youtu.be/dQw4w9WgXcQ/extra",
                "https://youtu.be",
                "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
                "https://evil.example/youtu.be/dQw4w9WgXcQ",
                "https://user@youtu.be/dQw4w9WgXcQ",
                "https://youtu.be:8443/dQw4w9WgXcQ",
                "javascript://youtu.be/%0aalert(1)",
                "ftp://youtu.be/dQw4w9WgXcQ",
                "https://vimeo.com/12345abc",
                "https://vimeo.com/channels/staffpicks/12345",
                "https://vimeo.com/123/NOT-HEX",
                "https://vimeo.com/1234567890123",
                "https://player.vimeo.com.evil.example/video/123",
                "youtu.be/dQw4w9WgXcQ",
            })
    void takesNoOtherAddress(String address) {
        assertThat(VideoLink.parse(address)).isNull();
    }

    @Test
    void aStartTimeOfAnotherFormIsIgnoredNotCopied() {
        VideoLink link = VideoLink.parse("https://youtu.be/dQw4w9WgXcQ?t=1%22onload=alert(1)");

        assertThat(link).isNotNull();
        assertThat(link.start()).isZero();
        assertThat(link.playerUrl()).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
    }

    @Test
    void aLoneAddressBecomesAPosterThatLinksToTheVideoWithTheDefaultTitle() {
        Document html = render("Before.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nAfter.");

        Element embed = html.selectFirst("body > div.video-embed");
        assertThat(embed).isNotNull();
        assertThat(embed.attr("data-video-player"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
        Element poster = embed.selectFirst("> a.video-poster");
        assertThat(poster.attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(poster.selectFirst(".video-play").attr("aria-hidden")).isEqualTo("true");
        assertThat(poster.selectFirst(".video-title").text()).isEqualTo("Video on YouTube");
        assertThat(poster.selectFirst(".video-site").text()).isEqualTo("YouTube");
        assertThat(html.select("body > p")).extracting(Element::text).containsExactly("Before.", "After.");
        assertThat(html.select("iframe, img, script")).isEmpty();
    }

    @Test
    void theDefaultTitleIsInTheArticlesLanguage() {
        assertThat(render("https://vimeo.com/76979871", Locale.forLanguageTag("nl"))
                        .select(".video-title")
                        .text())
                .isEqualTo("Video op Vimeo");
        assertThat(render("<https://vimeo.com/76979871>", Locale.forLanguageTag("de"))
                        .select(".video-title")
                        .text())
                .isEqualTo("Video on Vimeo");
    }

    @Test
    void theShortSyntaxGivesTheTitleAndTheTitleIsText() {
        Document html =
                render("@[Calf <b>stretch</b> & \"rest\" <script>alert(1)</script>](https://youtu.be/dQw4w9WgXcQ)");

        Element title = html.selectFirst(".video-embed .video-title");
        assertThat(title.text()).isEqualTo("Calf <b>stretch</b> & \"rest\" <script>alert(1)</script>");
        assertThat(title.children()).isEmpty();
        assertThat(html.select("b, script")).isEmpty();
        assertThat(render("@[](https://vimeo.com/76979871)")
                        .select(".video-title")
                        .text())
                .isEqualTo("Video on Vimeo");
        assertThat(render("@[  Spaced  ]( <https://youtu.be/dQw4w9WgXcQ> )")
                        .select(".video-title")
                        .text())
                .isEqualTo("Spaced");
    }

    @Test
    void aShortIsShownUpright() {
        assertThat(render("https://www.youtube.com/shorts/dQw4w9WgXcQ")
                        .selectFirst(".video-embed")
                        .classNames())
                .containsExactlyInAnyOrder("video-embed", "video-portrait");
        assertThat(render("https://youtu.be/dQw4w9WgXcQ")
                        .selectFirst(".video-embed")
                        .classNames())
                .containsExactly("video-embed");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Watch https://youtu.be/dQw4w9WgXcQ now.",
                "https://youtu.be/dQw4w9WgXcQ and more",
                "https://youtu.be/dQw4w9WgXcQ\nhttps://vimeo.com/76979871",
                "- https://youtu.be/dQw4w9WgXcQ",
                "> https://youtu.be/dQw4w9WgXcQ",
                "`https://youtu.be/dQw4w9WgXcQ`",
                "    https://youtu.be/dQw4w9WgXcQ",
                "[A talk](https://youtu.be/dQw4w9WgXcQ)",
                "@[A talk](https://example.org/video)",
                "@[A talk](https://youtu.be/dQw4w9WgXcQ) and text",
                "https://youtu.be/dQw4w9WgXcQ>",
                "<https://youtu.be/dQw4w9WgXcQ",
                "https://www.youtube.com/watch?v=tooShort",
            })
    void anAddressInTextAListAQuoteOrCodeStaysWhatItWas(String markdown) {
        assertThat(render(markdown).select(".video-embed, [data-video-player]")).isEmpty();
    }

    @Test
    void anInvalidVideoOnALineOfItsOwnStaysALink() {
        Document html = render("https://www.youtube.com/watch?v=tooShort");

        assertThat(html.select("p > a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=tooShort");
    }
}
