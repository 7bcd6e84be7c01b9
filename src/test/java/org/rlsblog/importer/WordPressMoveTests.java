package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.SiteFolders;
import org.rlsblog.content.PostCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The media fixture (a WordPress 6 export with its uploads folder) imported: files, shortcodes, addresses. */
@SpringBootTest(properties = "blog.watch=false")
class WordPressMoveTests {

    static final Path EXPORT = Path.of("src/test/resources/wordpress-media/export.xml");
    static final Path UPLOADS = Path.of("src/test/resources/wordpress-media/uploads");
    private static final Path ROOT = SiteFolders.temporary("rls-blog-wp-move", site -> {});
    private static final Path CONTENT = ROOT.resolve("content");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", CONTENT::toString);
        registry.add("blog.data-dir", () -> ROOT.resolve("data").toString());
    }

    @Autowired
    WordPressImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostCatalog catalog;

    @BeforeEach
    void emptySite() throws IOException {
        SiteFolders.deleteTree(CONTENT);
        Files.createDirectories(CONTENT);
        jdbc.sql("DELETE FROM comment").update();
    }

    @Test
    void copiesTheBestOriginalOfEveryFileAndRewritesTheLinks() throws Exception {
        ImportReport report = importer.importFile(EXPORT, withUploads(UPLOADS));

        assertThat(files())
                .containsExactly(
                        "media/2023/01/liver-diagram.png",
                        "media/2023/03/bedroom-at-night.jpg",
                        "media/2023/03/calf-muscle.jpg",
                        "media/2023/03/plate-of-food.jpg",
                        "media/2023/05/evening-walk-rotated.jpg",
                        "media/2023/09/breathing-exercise.mp3",
                        "pages/about-this-test-blog.md",
                        "pages/contact.md",
                        "posts/een-avondwandeling-tegen-rusteloze-benen.md",
                        "posts/night-cramps-in-the-calf-a-photo-diary.md",
                        "posts/stretching-before-bed.md");
        assertThat(CONTENT.resolve("media/2023/03/calf-muscle.jpg"))
                .hasSameBinaryContentAs(UPLOADS.resolve("2023/03/calf-muscle.jpg"));
        assertThat(report.move().files(MoveReport.MediaOutcome.COPIED)).isEqualTo(6);
        assertThat(report.move().missing()).isEmpty();
        assertThat(report.uploads()).isEmpty();
        assertThat(report.move().convertedShortcodes())
                .containsEntry("[caption]", 1)
                .containsEntry("[gallery]", 1)
                .containsEntry("[embed]", 1)
                .containsEntry("[audio]", 1)
                .containsEntry("wp:gallery", 1)
                .containsEntry("wp:embed", 1)
                .containsEntry("featured image", 2);
        assertThat(report.move().keptShortcodes()).containsExactly(Map.entry("[contact-form-7]", 1));

        String diary = read("posts/night-cramps-in-the-calf-a-photo-diary.md");
        assertThat(diary)
                .contains("wordpress_id: 9\n", "wordpress_attachments: [10, 11, 12]\n")
                .contains("image: \"/media/2023/03/calf-muscle.jpg\"\n")
                .contains("image_alt: \"Sample photo: a calf muscle drawn as a brown oval\"\n")
                .contains("![Sample photo: a calf muscle drawn as a brown oval](/media/2023/03/calf-muscle.jpg"
                        + " \"Test photo 1: the calf muscle after a night of cramps\")")
                .doesNotContain("wp-content", "[caption", "[gallery");
        assertThat(diary.indexOf("bedroom-at-night.jpg"))
                .isLessThan(diary.lastIndexOf("calf-muscle.jpg"))
                .isLessThan(diary.indexOf("plate-of-food.jpg"));
        String stretching = read("posts/stretching-before-bed.md");
        assertThat(stretching)
                .contains("\n\nhttps://www.youtube.com/watch?v=nL8vK2pWq4E\n\n")
                .contains("\n\nhttps://youtu.be/R7hWm3xQz5s\n\n")
                .contains("<audio controls preload=\"metadata\" src=\"/media/2023/09/breathing-exercise.mp3\"></audio>")
                .contains("aliases: [\"/posts/two-videos-before-bed\"]");
        assertThat(read("posts/een-avondwandeling-tegen-rusteloze-benen.md"))
                .contains("\n\nhttps://www.youtube.com/watch?v=Xq3fT0mRlsA\n\n")
                .contains("De slaapkamer om drie uur (onderschrift alleen in dit blok)")
                .contains("Galerij-onderschrift (testdata)")
                .contains("image: \"/media/2023/05/evening-walk-rotated.jpg\"");

        catalog.reload();
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.findPost("night-cramps-in-the-calf-a-photo-diary")
                        .orElseThrow()
                        .imageAlt())
                .isEqualTo("Sample photo: a calf muscle drawn as a brown oval");
        assertThat(catalog.wordpressTarget(12)).contains("/posts/night-cramps-in-the-calf-a-photo-diary");

        ImportReport again = importer.importFile(EXPORT, withUploads(UPLOADS));
        assertThat(again.count(ImportReport.Outcome.UNCHANGED)).isEqualTo(5);
        assertThat(again.move().files(MoveReport.MediaOutcome.ALREADY_THERE)).isEqualTo(6);
    }

    @Test
    void aDryRunShowsEverythingAndWritesNothing() throws Exception {
        ImportReport report = importer.importFile(
                EXPORT, new WordPressImporter.Options(true, false, UPLOADS, null, OldSiteDownloads.DEFAULT_MAX_BYTES));

        try (Stream<Path> anything = Files.walk(CONTENT)) {
            assertThat(anything.filter(p -> !p.equals(CONTENT))).isEmpty();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single())
                .isZero();
        assertThat(report.count("post")).isEqualTo(3);
        assertThat(report.move().files(MoveReport.MediaOutcome.COPIED)).isEqualTo(6);
        String printed = printed(report);
        assertThat(printed)
                .contains("dry run: nothing was written")
                .contains("Files: 6 would be copied")
                .contains("[contact-form-7] 1")
                .contains("Old addresses mapped:");
    }

    @Test
    void listsAFileThatCannotBeFoundWithThePostsUsingItAndKeepsItsLink(@TempDir Path partial) throws Exception {
        try (Stream<Path> files = Files.walk(UPLOADS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().startsWith("calf-muscle")) {
                    Path target = partial.resolve(UPLOADS.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        ImportReport report = importer.importFile(EXPORT, withUploads(partial));

        String old = "https://legs-and-liver.example/wp-content/uploads/2023/03/calf-muscle-300x225.jpg";
        assertThat(read("posts/night-cramps-in-the-calf-a-photo-diary.md")).contains("(" + old + " ");
        assertThat(report.move().missing())
                .hasEntrySatisfying(
                        old + " (not found)",
                        posts -> assertThat(String.join(" ", posts)).contains("post 9"));
        assertThat(printed(report)).contains("missing " + old).contains("used by post 9");
        assertThat(files()).doesNotContain("media/2023/03/calf-muscle.jpg").contains("media/2023/03/plate-of-food.jpg");
    }

    @Test
    void fetchesTheFilesFromTheOldSiteAFewAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/wp-content/uploads/", exchange -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
                String relative = exchange.getRequestURI().getPath().substring("/wp-content/uploads/".length());
                Path file = UPLOADS.resolve(relative).normalize();
                if (!file.startsWith(UPLOADS) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
        try {
            ImportReport report = importer.importFile(
                    EXPORT,
                    new WordPressImporter.Options(
                            false,
                            false,
                            null,
                            "http://127.0.0.1:" + server.getAddress().getPort(),
                            OldSiteDownloads.DEFAULT_MAX_BYTES));

            assertThat(report.move().files(MoveReport.MediaOutcome.FETCHED)).isEqualTo(6);
            assertThat(CONTENT.resolve("media/2023/05/evening-walk-rotated.jpg"))
                    .hasSameBinaryContentAs(UPLOADS.resolve("2023/05/evening-walk-rotated.jpg"));
            assertThat(most.get()).isBetween(1, MediaFiles.PARALLEL);
        } finally {
            server.stop(0);
        }
    }

    private static WordPressImporter.Options withUploads(Path uploads) {
        return new WordPressImporter.Options(false, false, uploads, null, OldSiteDownloads.DEFAULT_MAX_BYTES);
    }

    private static String read(String file) throws IOException {
        return Files.readString(CONTENT.resolve(file));
    }

    private static String printed(ImportReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(CONTENT)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> CONTENT.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
