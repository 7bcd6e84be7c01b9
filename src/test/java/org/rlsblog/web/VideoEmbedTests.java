package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Video posters over real HTTP: the article links the poster script under a fingerprinted address
 * (only where a video is), the script is served to be kept, and feeds carry a plain link instead.
 */
class VideoEmbedTests extends LiveSiteSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anArticleWithAVideoLinksThePosterScriptFingerprintedAndItIsKeptForAYear() throws Exception {
        Document article = Jsoup.parse(get(VIDEO_ARTICLE).body());

        assertThat(article.select(".article-body .video-embed")).hasSize(2);
        assertThat(article.select("iframe")).isEmpty();
        Element script = article.selectFirst("script[src]");
        assertThat(script.attr("src")).matches("/js/video-embed-[0-9a-f]{32}\\.js");
        assertThat(script.hasAttr("defer")).isTrue();
        assertThat(article.select("script:not([src]):not([type=application/ld+json])"))
                .as("no inline script")
                .isEmpty();

        HttpResponse<String> js = get(script.attr("src"));
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(js.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public");
        assertThat(js.body()).contains("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/");
    }

    @Test
    void anArticleWithoutAVideoLoadsNoScript() throws Exception {
        Document article = Jsoup.parse(get(SEED_ARTICLE).body());

        assertThat(article.select("article")).isNotEmpty();
        assertThat(article.select("script[src]")).isEmpty();
    }

    @Test
    void aFeedGivesAPlainLinkToTheVideoWithNoPosterPlayerOrScript() throws Exception {
        Document feed = Jsoup.parse(get("/feed.atom").body(), Parser.xmlParser());
        Element entry = feed.select("entry").stream()
                .filter(e -> e.selectFirst("title").text().equals("Stretching on video"))
                .findFirst()
                .orElseThrow();
        Document content = Jsoup.parseBodyFragment(entry.selectFirst("content").text());

        assertThat(content.select("iframe, script, img, .video-embed, [data-video-player], .video-poster"))
                .isEmpty();
        assertThat(content.select("p > a[href*=youtube], p > a[href*=vimeo]"))
                .extracting(a -> a.attr("href"), Element::text)
                .containsExactly(
                        tuple(
                                "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
                                "Calf stretch & \"rest\" <b>before bed</b>"),
                        tuple("https://vimeo.com/76979871", "Video on Vimeo"));
        assertThat(content.select("p:has(a[href*=vimeo])").text()).isEqualTo("Video on Vimeo (Vimeo)");
    }
}
