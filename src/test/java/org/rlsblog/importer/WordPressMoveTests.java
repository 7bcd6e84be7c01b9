package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    private static final Path ROOT = temporaryFolder();
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
        deleteTree(CONTENT);
        Files.createDirectories(CONTENT);
        jdbc.sql("DELETE FROM comment").update();
    }

    @Test
    void printsWhatItDid() throws Exception {
        ImportReport report = importer.importFile(
                EXPORT, new WordPressImporter.Options(false, false, UPLOADS, null, OldSiteDownloads.DEFAULT_MAX_BYTES));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.println(out.toString(StandardCharsets.UTF_8));
        for (String f : files()) {
            System.out.println("=== " + f);
            if (f.endsWith(".md")) {
                System.out.println(Files.readString(CONTENT.resolve(f)));
            }
        }
        assertThat(files()).isNotEmpty();
    }

    static List<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(CONTENT)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> CONTENT.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("rls-blog-wp-move");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
