package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.SiteFolders;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.content.PostCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The fixture export into an empty site folder and a fresh comment store, then the site serving it. */
@SpringBootTest(properties = "blog.watch=false")
@AutoConfigureMockMvc
class WordPressImporterTests {

    private static final Path FIXTURE = WxrReaderTests.FIXTURE;
    private static final Path ROOT = SiteFolders.temporary("rls-blog-wp-import", site -> {});
    private static final Path CONTENT = ROOT.resolve("content");
    private static final WordPressImporter.Options IMPORT = new WordPressImporter.Options(false, false);

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

    @Autowired
    MockMvcTester mvc;

    @BeforeEach
    void emptySite() throws IOException {
        SiteFolders.deleteTree(CONTENT);
        Files.createDirectories(CONTENT);
        jdbc.sql("DELETE FROM comment").update();
    }

    @Test
    void importsExactlyThePostsPagesAndCommentsOfTheFixture() throws Exception {
        ImportReport report = importer.importFile(FIXTURE, IMPORT);

        assertThat(files())
                .containsExactly(
                        "pages/about.md",
                        "posts/acupuncture-and-restless-legs.md",
                        "posts/ferritin-iron-and-rls.md",
                        "posts/magnesium-what-we-know.md",
                        "posts/sleep-and-the-liver.md");
        assertThat(report.count("post")).isEqualTo(4);
        assertThat(report.count("page")).isEqualTo(1);
        assertThat(commentCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("APPROVED", 7L, "PENDING", 2L));
        assertThat(report.comments(CommentStatus.APPROVED)).isEqualTo(7);
        assertThat(report.comments(CommentStatus.PENDING)).isEqualTo(2);
        assertThat(report.commentsAdded()).isEqualTo(9);
        assertThat(report.skipped())
                .containsExactlyInAnyOrder(
                        "comment 9 on post 6: in the trash",
                        "attachment 7 'calf': an uploaded file"
                                + " (http://127.0.0.1/wp-content/uploads/2023/05/calf.jpg); copy it by hand");
        assertThat(report.uploads()).containsExactly("http://127.0.0.1/wp-content/uploads/2023/05/calf.jpg");
    }

    @Test
    void writesTheClassicEditorPostAsCleanMarkdown() throws Exception {
        importer.importFile(FIXTURE, IMPORT);

        String text = Files.readString(CONTENT.resolve("posts/acupuncture-and-restless-legs.md"));
        assertThat(text.substring(text.indexOf('\n', 4) + 1)).isEqualTo("""
                        title: "Acupuncture and restless legs"
                        date: 2023-05-12T10:15:00+02:00
                        updated: 2026-11-25T10:22:39+01:00
                        slug: acupuncture-and-restless-legs
                        summary: "A short sample excerpt for the acupuncture post."
                        tags: ["acupuncture", "rls", "Treatments"]
                        author: "Marieke Visser"
                        wordpress_id: 6
                        aliases: ["/acupuncture-and-restless-legs/", "/acupuncture-and-restless-legs/calf/"]
                        wordpress_attachments: [7]
                        ---

                        This is a sample paragraph about acupuncture and restless legs. It is **placeholder text** \
                        written for an importer test and it is not advice.

                        This is a second sample paragraph with *italic words*, ***bold italic words*** and a \
                        [sample link](https://example.org/sample-acupuncture-notes).\\
                        This line follows a single line break inside the same paragraph.

                        ## What this sample post contains

                        * A first sample list item
                        * A second item with **bold** text
                        * A third item & an ampersand

                        > This is a sample quotation in a blockquote. It is not a real quote.

                        ![Sample photo of a calf](http://127.0.0.1/wp-content/uploads/2023/05/calf.jpg)

                        This is a closing sample paragraph.
                        """);
    }

    @Test
    void writesTheDraftWithASlugFromItsTitleAndTheFuturePostWithItsDate() throws Exception {
        importer.importFile(FIXTURE, IMPORT);

        assertThat(Files.readString(CONTENT.resolve("posts/sleep-and-the-liver.md")))
                .contains("\ndraft: true\n", "\ndate: 2024-10-02T21:05:00\n")
                .doesNotContain("aliases");
        assertThat(Files.readString(CONTENT.resolve("posts/magnesium-what-we-know.md")))
                .contains(
                        "\ndate: 2027-03-01T09:00:00+01:00\n",
                        "tags: [\"magnesium\", \"sleep\", \"Lifestyle\", \"Treatments\"]")
                .doesNotContain("draft");
        assertThat(Files.readString(CONTENT.resolve("pages/about.md"))).doesNotContain("aliases");
    }

    @Test
    void keepsTheThreadOfRepliesAndMarksTheAdminsReply() throws Exception {
        importer.importFile(FIXTURE, IMPORT);

        assertThat(parentKeyOf("wp:6:5")).isEqualTo("wp:6:3");
        assertThat(parentKeyOf("wp:6:3")).isEqualTo("wp:6:2");
        assertThat(jdbc.sql("SELECT by_author FROM comment WHERE import_key = 'wp:6:3'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT post_slug FROM comment WHERE import_key = 'wp:9:12'")
                        .query(String.class)
                        .single())
                .isEqualTo("ferritin-iron-and-rls");
    }

    @Test
    void storesCommentTextExactlyWithEntitiesDecoded() throws Exception {
        importer.importFile(FIXTURE, IMPORT);

        assertThat(bodyOf("wp:6:2").getBytes(StandardCharsets.UTF_8))
                .isEqualTo("Heel herkenbaar! Ik slaap slecht sinds mijn diagnose – dank voor het delen 😊 (ë, é, ï)"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(bodyOf("wp:6:4")).endsWith("and the words iron & ferritin.");
        assertThat(jdbc.sql("SELECT author_name FROM comment WHERE import_key = 'wp:9:12'")
                        .query(String.class)
                        .single())
                .isEqualTo("Elif Yılmaz");
    }

    @Test
    void changesNothingWhenRunTwice() throws Exception {
        importer.importFile(FIXTURE, IMPORT);
        Map<String, String> before = contents();

        ImportReport second = importer.importFile(FIXTURE, IMPORT);

        assertThat(contents()).isEqualTo(before);
        assertThat(second.count(ImportReport.Outcome.UNCHANGED)).isEqualTo(5);
        assertThat(second.commentsAdded()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single())
                .isEqualTo(9);
    }

    @Test
    void keepsAPostEditedAfterTheImportUnlessAskedToOverwrite() throws Exception {
        importer.importFile(FIXTURE, IMPORT);
        Path post = CONTENT.resolve("posts/ferritin-iron-and-rls.md");
        String edited = Files.readString(post) + "\nA paragraph the author added.\n";
        Files.writeString(post, edited);

        ImportReport again = importer.importFile(FIXTURE, IMPORT);
        assertThat(Files.readString(post)).isEqualTo(edited);
        assertThat(again.count(ImportReport.Outcome.KEPT_EDIT)).isEqualTo(1);

        ImportReport overwriting = importer.importFile(FIXTURE, new WordPressImporter.Options(false, true));
        assertThat(Files.readString(post)).doesNotContain("A paragraph the author added.");
        assertThat(overwriting.count(ImportReport.Outcome.OVERWRITTEN)).isEqualTo(1);
    }

    @Test
    void keepsAHandWrittenFileWithTheSameName() throws Exception {
        Path about = CONTENT.resolve("pages/about.md");
        Files.createDirectories(about.getParent());
        Files.writeString(about, "---\ntitle: About me\n---\nMine.\n");

        ImportReport report = importer.importFile(FIXTURE, IMPORT);

        assertThat(Files.readString(about)).isEqualTo("---\ntitle: About me\n---\nMine.\n");
        assertThat(report.count(ImportReport.Outcome.KEPT_FOREIGN)).isEqualTo(1);
    }

    @Test
    void writesNothingInADryRunButReportsTheSame() throws Exception {
        ImportReport report = importer.importFile(FIXTURE, new WordPressImporter.Options(true, false));

        assertThat(files()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single())
                .isZero();
        assertThat(report.count(ImportReport.Outcome.CREATED)).isEqualTo(5);
        assertThat(report.comments(CommentStatus.APPROVED)).isEqualTo(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("dry run", "posts/acupuncture-and-restless-legs.md: would be new", "7 approved, 2 pending");
    }

    @Test
    void writesNothingWhenTheExportBreaksOffHalfWay() throws Exception {
        String whole = Files.readString(FIXTURE);
        Path truncated = ROOT.resolve("truncated.xml");
        Files.writeString(truncated, whole.substring(0, whole.indexOf("<title><![CDATA[Sleep and the liver")));

        assertThatThrownBy(() -> importer.importFile(truncated, IMPORT))
                .isInstanceOf(WxrFormatException.class)
                .hasMessageContaining("truncated.xml, line ");
        assertThat(files()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single())
                .isZero();
    }

    @Test
    void rejectsAnUnknownPostTypeNamingTheItem() throws Exception {
        Path export = ROOT.resolve("product.xml");
        Files.writeString(
                export,
                Files.readString(FIXTURE)
                        .replace(
                                "<wp:post_type><![CDATA[post]]></wp:post_type>\n\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n\t\t<wp:is_sticky>0</wp:is_sticky>\n\t\t\t\t\t\t\t\t\t\t<category domain=\"post_tag\" nicename=\"iron\">",
                                "<wp:post_type><![CDATA[product]]></wp:post_type>\n\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n\t\t<wp:is_sticky>0</wp:is_sticky>\n\t\t\t\t\t\t\t\t\t\t<category domain=\"post_tag\" nicename=\"iron\">"));

        assertThatThrownBy(() -> importer.importFile(export, IMPORT))
                .isInstanceOf(WxrFormatException.class)
                .hasMessageContaining("post 9, 'Ferritin, iron and RLS'")
                .hasMessageContaining("unknown post type 'product'");
        assertThat(files()).isEmpty();
    }

    @Test
    void theImportedSiteAnswersTheOldPermalinksWithA301() throws Exception {
        importer.importFile(FIXTURE, IMPORT);
        catalog.reload();

        assertThat(catalog.problems()).isEmpty();
        assertThat(mvc.get().uri("/acupuncture-and-restless-legs/").exchange())
                .hasStatus(301)
                .hasHeader("Location", "/posts/acupuncture-and-restless-legs");
        assertThat(mvc.get().uri("/ferritin-iron-and-rls/").exchange())
                .hasStatus(301)
                .hasHeader("Location", "/posts/ferritin-iron-and-rls");
        assertThat(mvc.get().uri("/posts/acupuncture-and-restless-legs").exchange())
                .hasStatus(200)
                .bodyText()
                .contains("Heel herkenbaar!");
        assertThat(mvc.get().uri("/about").exchange()).hasStatus(200);
        assertThat(catalog.findAnyPost("sleep-and-the-liver")).isEmpty();
    }

    // ---- Helpers ----

    private String parentKeyOf(String key) {
        return jdbc.sql(
                        "SELECT p.import_key FROM comment c JOIN comment p ON c.parent_id = p.id WHERE c.import_key = ?")
                .param(key)
                .query(String.class)
                .single();
    }

    private String bodyOf(String key) {
        return jdbc.sql("SELECT body FROM comment WHERE import_key = ?")
                .param(key)
                .query(String.class)
                .single();
    }

    private Map<String, Long> commentCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM comment GROUP BY status")
                .query((rs, i) -> counts.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return counts;
    }

    private static List<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(CONTENT)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> CONTENT.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, String> contents() throws IOException {
        Map<String, String> contents = new TreeMap<>();
        for (String file : files()) {
            contents.put(
                    file, Files.readString(CONTENT.resolve(file)) + Files.getLastModifiedTime(CONTENT.resolve(file)));
        }
        return contents;
    }
}
