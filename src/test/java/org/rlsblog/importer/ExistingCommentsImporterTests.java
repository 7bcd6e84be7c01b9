package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.rlsblog.SiteFolders;
import org.rlsblog.comments.CommentsInContext;
import org.rlsblog.content.ContentProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code content/comments/*.yml} at start-up, against a real store: an unchanged file is not read again.
 * A slice: the importer and the comments package on the H2 file, nothing of the web.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@EnableConfigurationProperties(ContentProperties.class)
@Import({ExistingCommentsImporter.class, CommentsInContext.class})
class ExistingCommentsImporterTests {

    private static final Path ROOT = SiteFolders.temporary("existing-comments", ExistingCommentsImporterTests::fill);
    private static final Path CONTENT = ROOT.resolve("content");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("blog.content-dir", CONTENT::toString);
        registry.add("blog.data-dir", () -> ROOT.resolve("data").toString());
    }

    @Autowired
    ExistingCommentsImporter importer;

    @Autowired
    JdbcClient jdbc;

    private static String comment(String key, String text) {
        return """
                - key: %s
                  post: listed-post
                  author: Old Reader
                  date: 2019-03-01T10:00:00Z
                  text: "%s"
                """.formatted(key, text);
    }

    private long stored(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE import_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }

    @Test
    void anUnchangedFileIsSkippedAndAChangedOneIsReadAgain() throws IOException {
        Path file = CONTENT.resolve("comments/listed.yml");
        Files.writeString(file, comment("test:listed:1", "First") + comment("test:listed:2", "Second"));
        assertThat(importer.importFile(file)).isEqualTo(2);

        // removed behind the importer's back (no tombstone): only reading the file again restores it
        jdbc.sql("DELETE FROM comment WHERE import_key = 'test:listed:2'").update();
        assertThat(importer.importFile(file)).as("the same bytes: not read").isZero();
        assertThat(stored("test:listed:2")).isZero();

        Files.writeString(file, comment("test:listed:3", "Third"), StandardOpenOption.APPEND);
        assertThat(importer.importFile(file))
                .as("changed: read, and what is missing added")
                .isEqualTo(2);
        assertThat(stored("test:listed:2")).isOne();
        assertThat(stored("test:listed:3")).isOne();
        assertThat(importer.importFile(file)).isZero();
    }

    @Test
    void aFileThatIsNotUtf8IsSkippedWithNothingImported() throws IOException {
        Path file = CONTENT.resolve("comments/latin1.yml");
        Files.write(file, comment("test:latin1:1", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(importer.importFile(file)).isZero();
        assertThat(stored("test:latin1:1")).isZero();
    }

    @Test
    void aFileWithAValueTooLongForTheStoreIsSkippedAtStartAndTheNextOneImported() {
        assertThat(stored("test:too-long:1"))
                .as("the file with a 101-character author")
                .isZero();
        assertThat(stored("test:after:1")).as("the file after it").isOne();
    }

    private static void fill(Path root) throws IOException {
        Files.createDirectories(root.resolve("content/posts"));
        Files.createDirectories(root.resolve("content/comments"));
        // read at start, in this order: the first once stopped the site with "Value too long"
        Files.writeString(
                root.resolve("content/comments/a-too-long.yml"),
                comment("test:too-long:1", "Fine text").replace("Old Reader", "n".repeat(101)));
        Files.writeString(root.resolve("content/comments/b-after.yml"), comment("test:after:1", "Still here"));
    }
}
