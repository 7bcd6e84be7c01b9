package org.rlsblog.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.SiteFolders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The running site: bundle posts with images, their variants, bad images, feeds and link previews. */
@SpringBootTest(properties = {"blog.watch=true", "blog.reload-delay=100ms"})
@AutoConfigureMockMvc
@DirtiesContext
class ImagesSiteTests {

    @TempDir
    static Path site;

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> site.resolve("content").toString());
        registry.add("blog.data-dir", () -> site.resolve("data").toString());
    }

    @BeforeAll
    static void createContent() throws IOException {
        Path content = site.resolve("content");
        Path calf = Files.createDirectories(content.resolve("posts/calf-muscles"));
        Files.createDirectories(content.resolve("pages/about"));
        Files.createDirectories(content.resolve("media"));
        Files.writeString(
                calf.resolve("index.md"),
                "---\ntitle: Calf muscles\ndate: 2024-05-01\nimage: calf.jpg\nimage_alt: A calf\n---\n"
                        + "Text.\n\n![A plate of food](plate.jpg \"Breakfast\")\n");
        Files.write(
                calf.resolve("calf.jpg"),
                TestImages.withExif(TestImages.jpeg(TestImages.photo(2400, 1600, 5), 0.9f), 1, true));
        Files.write(calf.resolve("plate.jpg"), TestImages.jpeg(TestImages.photo(1000, 750, 6), 0.9f));
        Files.writeString(content.resolve("pages/about/index.md"), "---\ntitle: About\n---\n![Me](me.png)\n");
        Files.write(content.resolve("pages/about/me.png"), TestImages.png(TestImages.halves(300, 200)));
        Files.write(site.resolve("secret.jpg"), TestImages.jpeg(TestImages.halves(10, 10), 0.9f));
        Path bad = Files.createDirectories(content.resolve("posts/bad-images"));
        byte[] noise = new byte[2048];
        Arrays.fill(noise, (byte) 7);
        Files.write(bad.resolve("corrupt.jpg"), noise);
        Files.write(bad.resolve("named.jpg"), TestImages.png(TestImages.halves(20, 20)));
        Files.write(bad.resolve("bomb.png"), TestImages.pngBomb(50_000));
        Files.writeString(
                bad.resolve("index.md"),
                "---\ntitle: Bad images\ndate: 2024-04-01\n---\n![Corrupt](corrupt.jpg)\n\n![Named](named.jpg)\n\n"
                        + "![Bomb](bomb.png)\n\n![Missing](missing.jpg)\n\n![Out](../../../secret.jpg)\n\n"
                        + "Still here.\n");
    }

    private Document html(String path) throws Exception {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void anArticleShowsItsImagesSizedAndResponsiveAndItsHeaderAsLinkPreview() throws Exception {
        Document page = html("/posts/calf-muscles");

        Element header = page.selectFirst("figure.article-image img");
        assertThat(header.attr("width")).isEqualTo("2400");
        assertThat(header.attr("height")).isEqualTo("1600");
        assertThat(header.attr("fetchpriority")).isEqualTo("high");
        assertThat(header.attr("alt")).isEqualTo("A calf");
        Element body = page.selectFirst(".article-body figure picture img");
        assertThat(body.attr("loading")).isEqualTo("lazy");
        assertThat(body.attr("width")).isEqualTo("1000");
        assertThat(body.attr("srcset")).contains("480w", "800w", "1000w");
        assertThat(page.selectFirst(".article-body figcaption").text()).isEqualTo("Breakfast");
        assertThat(page.selectFirst("meta[property=og:image]").attr("content"))
                .startsWith("http://localhost:8080/images/")
                .endsWith("/1200.jpg");
        assertThat(page.selectFirst("meta[property=og:image:width]").attr("content"))
                .isEqualTo("1200");
        assertThat(page.selectFirst("meta[property=og:image:height]").attr("content"))
                .isEqualTo("800");
        Document home = html("/");
        assertThat(home.selectFirst(".post-card-image img").attr("sizes")).isEqualTo("6rem");
    }

    @Test
    void variantsAreServedForAYearAndTheOriginalStandsInUntilTheyAreMade() throws Exception {
        String src =
                html("/posts/calf-muscles").selectFirst(".article-body img").attr("src");
        String hash = src.split("/")[2];
        Path folder = site.resolve("data/images").resolve(hash.substring(0, 2)).resolve(hash);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(folder));

        MvcTestResult variant = mvc.get().uri(src.replace(".jpg", ".webp")).exchange();
        assertThat(variant.getResponse().getStatus()).isEqualTo(200);
        assertThat(variant.getResponse().getContentType()).isEqualTo("image/webp");
        assertThat(variant.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");

        SiteFolders.deleteTree(folder); // as before the variants were made
        MvcTestResult standIn = mvc.get().uri(src).exchange();
        assertThat(standIn.getResponse().getStatus()).isEqualTo(200);
        assertThat(standIn.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(standIn.getResponse().getContentAsByteArray())
                .isEqualTo(Files.readAllBytes(site.resolve("content/posts/calf-muscles/plate.jpg")));
        assertThat(mvc.get()
                        .uri("/images/" + hash + "/999.gif")
                        .exchange()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.get()
                        .uri("/images/0123456789abcdef0123456789abcdef/800.jpg")
                        .exchange()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aBundleServesItsImagesButNotItsMarkdownNorAnythingOutsideContent() throws Exception {
        assertThat(status("/posts/calf-muscles/calf.jpg")).isEqualTo(200);
        assertThat(status("/about/me.png")).isEqualTo(200);
        assertThat(status("/posts/calf-muscles/index.md")).isEqualTo(404);
        assertThat(status("/about/index.md")).isEqualTo(404);
        assertThat(status("/posts/calf-muscles/..%2f..%2f..%2fsecret.jpg")).isNotEqualTo(200);
        assertThat(status("/posts/calf-muscles/missing.jpg")).isEqualTo(404);
        assertThat(status("/css/site.css")).as("the site's own files still win").isEqualTo(200);
    }

    @Test
    void anArticleWithBadImagesStillServesAndLinksNothingOutsideContent() throws Exception {
        Document page = html("/posts/bad-images");

        assertThat(page.select(".article-body").text()).contains("Still here.");
        assertThat(page.select(".article-body img[srcset]")).isEmpty();
        assertThat(page.select(".article-body img"))
                .allSatisfy(img -> assertThat(img.attr("loading")).isIn("lazy", ""));
        assertThat(status("/posts/bad-images/bomb.png"))
                .as("the author's file, served as it is")
                .isEqualTo(200);
    }

    @Test
    void feedsGiveImageAddressesAbsolute() throws Exception {
        String feed = mvc.get().uri("/feed.atom").exchange().getResponse().getContentAsString();

        assertThat(feed).contains("srcset=\"http://localhost:8080/images/").doesNotContain("srcset=\"/images");
    }

    @Test
    void aChangedImageIsDescribedAndProcessedAgain() throws Exception {
        Path file = site.resolve("content/pages/about/me.png");
        String before = html("/about").selectFirst("img").attr("src");

        Files.write(file, TestImages.png(TestImages.halves(400, 100)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Element image = html("/about").selectFirst("img");
            assertThat(image.attr("src")).isNotEqualTo(before);
            assertThat(image.attr("width")).isEqualTo("400");
            assertThat(image.attr("height")).isEqualTo("100");
        });
    }

    private int status(String path) {
        return mvc.get().uri(path).exchange().getResponse().getStatus();
    }
}
