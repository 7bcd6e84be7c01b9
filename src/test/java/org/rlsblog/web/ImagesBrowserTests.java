package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rlsblog.images.TestImages;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An article with photos in a real browser, on a phone: nothing moves while they load, and lazy ones wait. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"blog.watch=false"})
@DirtiesContext
class ImagesBrowserTests {

    private static final String ARTICLE = "/posts/photos";
    private static final int PHOTOS = 6;
    /** Paragraphs between two photos: the last one lies far beyond the distance at which Chromium loads lazy images. */
    private static final int FILLER = 25;

    @TempDir
    static Path site;

    private static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> site.resolve("content").toString());
        registry.add("blog.data-dir", () -> site.resolve("data").toString());
    }

    @BeforeAll
    static void createArticle() throws IOException {
        Browsers.assumeAvailable();
        Path bundle = Files.createDirectories(site.resolve("content/posts/photos"));
        Files.createDirectories(site.resolve("content/pages"));
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= PHOTOS; i++) {
            Files.write(bundle.resolve("photo-" + i + ".jpg"), TestImages.jpeg(TestImages.photo(1800, 1200, i), 0.85f));
            body.append("![Photo ").append(i).append("](photo-").append(i).append(".jpg)\n\n");
            for (int p = 0; p < FILLER; p++) {
                body.append("A paragraph of text between the photos, long enough to wrap on a phone screen. ")
                        .append("The legs are restless at night.\n\n");
            }
        }
        Files.writeString(bundle.resolve("index.md"), "---\ntitle: Photos\ndate: 2024-05-01\n---\n" + body);
    }

    @AfterAll
    static void closeBrowser() {
        browsers.closeAll();
    }

    private ChromeDriver phoneOn(String path) {
        ChromeDriver driver = browsers.open();
        Browsers.viewport(driver, 390, 844);
        driver.get("http://localhost:" + port + path);
        SitePages.waitFor(driver)
                .until(d -> Browsers.js(d, "return document.readyState").equals("complete"));
        return driver;
    }

    @Test
    void nothingMovesWhileThePhotosLoad() {
        ChromeDriver phone = phoneOn(ARTICLE);
        Browsers.js(
                phone,
                "window.__shift = 0;"
                        + "new PerformanceObserver(list => list.getEntries().forEach(e => {"
                        + "  if (!e.hadRecentInput) window.__shift += e.value; }))"
                        + ".observe({type: 'layout-shift', buffered: true});");
        // scroll down step by step, so that every lazy photo loads while the reader looks
        long height = ((Number) Browsers.js(phone, "return document.body.scrollHeight")).longValue();
        for (long y = 0; y < height; y += 600) {
            Browsers.js(phone, "window.scrollTo(0, arguments[0])", y);
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> (Boolean) Browsers.js(
                    d,
                    "return Array.from(document.images).filter(i => {"
                            + " const r = i.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; })"
                            + ".every(i => i.complete);"));
        }
        new WebDriverWait(phone, Duration.ofSeconds(30)).until(d -> (Boolean)
                Browsers.js(d, "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0);"));

        assertThat(phone.findElements(By.cssSelector(".article-body img"))).hasSize(PHOTOS);
        double shift = ((Number) Browsers.js(phone, "return window.__shift")).doubleValue();
        assertThat(shift).as("cumulative layout shift").isZero();
    }

    @Test
    void photosFarBelowTheFoldAreNotFetchedUntilTheReaderScrollsToThem() {
        ChromeDriver phone = phoneOn(ARTICLE);
        List<String> sources = phone.findElements(By.cssSelector(".article-body img")).stream()
                .map(img -> img.getAttribute("src").split("/images/")[1].split("/")[0])
                .toList();

        assertThat(fetched(phone, sources.get(0)))
                .as("the first photo, fetched at once")
                .isTrue();
        assertThat(fetched(phone, sources.get(PHOTOS - 1)))
                .as("the last photo, far below")
                .isFalse();

        Browsers.js(
                phone,
                "arguments[0].scrollIntoView()",
                phone.findElements(By.cssSelector(".article-body img")).get(PHOTOS - 1));
        new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> fetched(phone, sources.get(PHOTOS - 1)));
    }

    /** Whether the browser has requested any variant of the image with this hash. */
    private static boolean fetched(ChromeDriver driver, String hash) {
        return (Boolean) Browsers.js(
                driver,
                "return performance.getEntriesByType('resource').some(e => e.name.includes(arguments[0]));",
                hash);
    }
}
