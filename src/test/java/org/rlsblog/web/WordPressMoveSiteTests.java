package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.rlsblog.RlsBlogApplication;
import org.rlsblog.importer.ImportCommandLine;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole move: the media fixture (a real WordPress 6 export with its uploads folder) imported
 * with the command line, then the site serving it: no shortcode left as text, every image and
 * player loading from this site, every old address a 301 to the right place, and a browser
 * following an old comment link to the comment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "blog.watch=false")
class WordPressMoveSiteTests {

    private static final Path FIXTURE = Path.of("src/test/resources/wordpress-media");
    private static final Path ROOT = imported();
    private static final Pattern CONVERTED_SHORTCODE =
            Pattern.compile("\\[/?(caption|wp_caption|gallery|embed|audio|video)\\b");

    private static final String DIARY = "/posts/night-cramps-in-the-calf-a-photo-diary";
    private static final String WALK = "/posts/een-avondwandeling-tegen-rusteloze-benen";
    private static final String STRETCHING = "/posts/stretching-before-bed";
    private static final String ABOUT = "/about-this-test-blog";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", () -> ROOT.resolve("content").toString());
        registry.add("blog.data-dir", () -> ROOT.resolve("data").toString());
    }

    /** Runs {@code import-wordpress export.xml --uploads <folder>} once, before the site starts on its result. */
    /**
     * The copied file an address shows: a variant's address ({@code /images/<hash>/800.jpg}) names
     * the SHA-256 of its original, which the import put under {@code content/media}.
     */
    private static String original(String src) {
        if (!src.startsWith("/images/")) {
            return src;
        }
        String hash = src.split("/")[2];
        Path media = ROOT.resolve("content/media");
        try (Stream<Path> files = Files.walk(media)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> sha256Of(file).startsWith(hash))
                    .map(file -> "/media/" + media.relativize(file).toString().replace('\\', '/'))
                    .findFirst()
                    .orElse(src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Of(Path file) {
        try {
            return DigestUtils.sha256Hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path imported() {
        try {
            Path root = Files.createTempDirectory("rls-blog-wp-move-site");
            Files.createDirectories(root.resolve("content"));
            int status = ImportCommandLine.run(
                    RlsBlogApplication.class,
                    "import-wordpress",
                    FIXTURE.resolve("export.xml").toString(),
                    "--uploads",
                    FIXTURE.resolve("uploads").toString(),
                    "--blog.content-dir=" + root.resolve("content"),
                    "--blog.data-dir=" + root.resolve("data"));
            assertThat(status).isZero();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void leavesNoConvertedShortcodeAsTextAndLoadsEveryImageAndPlayerFromThisSite() throws Exception {
        List<String> files = new ArrayList<>();
        for (String page : List.of(DIARY, WALK, STRETCHING, ABOUT, "/contact")) {
            HttpResponse<String> response = get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            Document html = Jsoup.parse(response.body());
            Element article = html.selectFirst("main");
            assertThat(article).as(page).isNotNull();
            assertThat(CONVERTED_SHORTCODE.matcher(article.text()).find())
                    .as(page + ": " + article.text())
                    .isFalse();
            for (Element media : article.select("img[src], audio[src], video[src], source[src]")) {
                String src = media.attr("src");
                assertThat(src).as(page).startsWith("/");
                assertThat(src).doesNotContain("wp-content");
                files.add(original(src));
                assertThat(getBytes(src).statusCode()).as(src).isEqualTo(200);
            }
            for (Element img : article.select("img")) {
                assertThat(img.attr("alt")).as(img.outerHtml()).isNotBlank();
            }
        }
        assertThat(files)
                .contains(
                        "/media/2023/03/calf-muscle.jpg",
                        "/media/2023/05/evening-walk-rotated.jpg",
                        "/media/2023/01/liver-diagram.png",
                        "/media/2023/09/breathing-exercise.mp3");
        Document diary = Jsoup.parse(get(DIARY).body());
        assertThat(diary.select("main img").eachAttr("src").stream()
                        .map(WordPressMoveSiteTests::original)
                        .toList())
                .containsSubsequence(
                        "/media/2023/03/bedroom-at-night.jpg",
                        "/media/2023/03/calf-muscle.jpg",
                        "/media/2023/03/plate-of-food.jpg");
        Document walk = Jsoup.parse(get(WALK).body());
        String ogImage = walk.select("meta[property=og:image]").attr("content");
        assertThat(original(ogImage.substring(ogImage.indexOf("/", "http://".length()))))
                .isEqualTo("/media/2023/05/evening-walk-rotated.jpg");
        Document stretching = Jsoup.parse(get(STRETCHING).body());
        assertThat(stretching.select("main").text()).doesNotContain("[audio", "[embed");
        // the embeds became the site's own video posters, each a link to the video
        assertThat(stretching.select("main [data-video-player]")).hasSize(2);
        assertThat(stretching.select("main [data-video-player] a.video-poster").eachAttr("href"))
                .allSatisfy(href -> assertThat(href).startsWith("https://www.youtube.com/watch?v="));
        // a shortcode this site has no counterpart for is kept, visibly, as the report says
        assertThat(Jsoup.parse(get("/contact").body()).select("main").text()).contains("[contact-form-7");
    }

    @Test
    void answersEveryOldAddressWithA301ToTheRightPlace() throws Exception {
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("/?p=9", DIARY);
        moved.put("/?p=14", WALK);
        moved.put("/?p=17", STRETCHING);
        moved.put("/?page_id=4", ABOUT);
        moved.put("/?page_id=7", "/contact");
        moved.put("/?attachment_id=5", ABOUT);
        moved.put("/?attachment_id=10", DIARY);
        moved.put("/?attachment_id=15", WALK);
        moved.put("/?attachment_id=18", STRETCHING);
        moved.put("/?p=9&feed=rss2", DIARY);
        moved.put("/archives/9", DIARY);
        moved.put("/2023/03/14/night-cramps-in-the-calf-a-photo-diary/", DIARY);
        moved.put("/2023/03/night-cramps-in-the-calf-a-photo-diary", DIARY);
        moved.put("/night-cramps-in-the-calf-a-photo-diary/", DIARY);
        moved.put("/night-cramps-in-the-calf-a-photo-diary/feed/", DIARY);
        moved.put("/two-videos-before-bed/", STRETCHING);
        moved.put("/2023/09/18/two-videos-before-bed/", STRETCHING);
        moved.put("/posts/two-videos-before-bed", STRETCHING);
        moved.put("/about-this-test-blog/contact/", "/contact");
        moved.put("/category/sleep/", "/tags/sleep");
        moved.put("/category/exercise", "/tags/exercise");
        moved.put("/tag/cramps/", "/tags/cramps");
        moved.put("/author/annelies/", "/");
        moved.put("/2023/", "/archive/2023");
        moved.put("/2023/03/", "/archive/2023/03");
        moved.put("/2023/03/14/", "/archive/2023/03/14");
        moved.put("/?m=202305", "/archive/2023/05");
        moved.put("/page/2/", "/?page=2");
        for (var entry : moved.entrySet()) {
            HttpResponse<String> response = get(entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(301);
            assertThat(response.headers().firstValue("Location"))
                    .as(entry.getKey())
                    .hasValueSatisfying(l -> assertThat(URI.create(l).getRawPath()
                                    + (URI.create(l).getRawQuery() == null
                                            ? ""
                                            : "?" + URI.create(l).getRawQuery()))
                            .isEqualTo(entry.getValue()));
        }
        assertThat(Jsoup.parse(get("/archive/2023/03/14").body())
                        .select("main a")
                        .eachAttr("href"))
                .contains(DIARY)
                .doesNotContain(WALK);
        assertThat(get("/archive/2023/03/15").statusCode()).isEqualTo(404);
        assertThat(get("/?p=9999").statusCode()).isNotEqualTo(301);
    }

    @Test
    void rendersImportedCommentsUnderTheirWordPressAnchors() throws Exception {
        Document diary = Jsoup.parse(get(DIARY).body());
        assertThat(diary.select("li.comment").eachAttr("id"))
                .contains("comment-2", "comment-3", "comment-4", "comment-7");
        assertThat(Jsoup.parse(get(WALK).body()).select("li.comment").eachAttr("id"))
                .contains("comment-8", "comment-9");
    }

    @Test
    void aBrowserFollowingAnOldCommentLinkLandsOnTheComment() {
        Browsers.assumeAvailable();
        Browsers browsers = new Browsers();
        try {
            WebDriver reader = browsers.open();
            reader.get(url("/?p=9#comment-4"));
            assertThat(reader.getCurrentUrl()).isEqualTo(url(DIARY + "#comment-4"));
            assertThat(Browsers.js(reader, "return document.querySelector(':target').id"))
                    .isEqualTo("comment-4");
            assertThat(reader.findElement(By.id("comment-4")).getText()).contains("Tom Whitfield");
            Number top = (Number)
                    Browsers.js(reader, "return document.getElementById('comment-4').getBoundingClientRect().top");
            Number height = (Number) Browsers.js(reader, "return window.innerHeight");
            assertThat(top.doubleValue()).isBetween(-1.0, height.doubleValue());
            assertThat(Browsers.js(reader, "return window.scrollY")).isNotEqualTo(0L);
        } finally {
            browsers.closeAll();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
