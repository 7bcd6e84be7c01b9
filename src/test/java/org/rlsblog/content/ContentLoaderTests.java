package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.TestClock;

class ContentLoaderTests {

    @TempDir
    Path contentDir;

    private ContentLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(contentDir.resolve("posts"));
        Files.createDirectories(contentDir.resolve("pages"));
        ContentProperties properties = ContentFixtures.properties(contentDir);
        loader = new ContentLoader(
                ContentFixtures.reader(properties), properties, new TestClock(Instant.parse("2025-01-01T00:00:00Z")));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = contentDir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String post(String title, String date) {
        return "---\ntitle: " + title + "\ndate: " + date + "\n---\nText of " + title + ".\n";
    }

    @Test
    void loadsPostsAndPages() throws IOException {
        write("posts/first.md", post("First", "2024-01-01"));
        write("posts/2024/second.markdown", post("Second", "2024-02-01"));
        write("pages/about.md", "---\ntitle: About\n---\nMe.\n");

        ContentSnapshot snapshot = loader.load();

        assertThat(snapshot.posts()).extracting(Post::slug).containsExactly("second", "first");
        assertThat(snapshot.pages()).containsOnlyKeys("about");
        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.loadedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void leavesOutABrokenFileNamingFileAndLineAndServesTheRest() throws IOException {
        write("posts/good.md", post("Good", "2024-01-01"));
        Path broken = write("posts/broken.md", "---\ntitle: Broken\ndate: yesterday\n---\nText\n");

        ContentSnapshot snapshot = loader.load();

        assertThat(snapshot.posts()).extracting(Post::slug).containsExactly("good");
        assertThat(snapshot.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(broken);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("'date'");
            assertThat(p.toString()).startsWith(broken + ":3: ");
        });
    }

    @Test
    void leavesOutAFileThatIsNotUtf8() throws IOException {
        write("posts/good.md", post("Good", "2024-01-01"));
        Path latin1 = contentDir.resolve("posts/latin1.md");
        Files.write(latin1, post("Café", "2024-01-01").getBytes(StandardCharsets.ISO_8859_1));

        ContentSnapshot snapshot = loader.load();

        assertThat(snapshot.posts()).extracting(Post::slug).containsExactly("good");
        assertThat(snapshot.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(latin1);
            assertThat(p.message()).contains("not valid UTF-8");
        });
    }

    @Test
    void keepsDraftsApartWithoutAProblem() throws IOException {
        write("posts/good.md", post("Good", "2024-01-01"));
        write("posts/draft.md", "---\ntitle: Draft\ndate: 2024-01-01\ndraft: true\n---\nNot yet.\n");
        write("pages/draft-page.md", "---\ntitle: Draft page\ndraft: true\n---\nNot yet.\n");

        ContentSnapshot snapshot = loader.load();

        assertThat(snapshot.posts()).extracting(Post::slug).containsExactly("good");
        assertThat(snapshot.pages()).isEmpty();
        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.drafts()).extracting(Post::slug).containsExactly("draft");
        assertThat(snapshot.draftPages()).extracting(Page::slug).containsExactly("draft-page");
    }

    @Test
    void reportsEveryProblemWithItsFileAndLine() throws IOException {
        write("posts/one.md", "---\ntitle: One\ndate: 2024-01-01\nslug: same\n---\nText\n");
        write("posts/two.md", "---\ntitle: Two\ndate: 2024-01-02\nlang: en\nslug: same\n---\nText\n");
        write("posts/bad-date.md", "---\ntitle: Bad\ndate: yesterday\n---\nText\n");
        write("posts/no-alt.md", "---\ntitle: Pictures\ndate: 2024-01-03\n---\nFirst line.\n\n![](/media/a.jpg)\n");
        Files.write(
                contentDir.resolve("posts/latin1.md"), "---\ntitle: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        ContentSnapshot snapshot = loader.load();

        assertThat(snapshot.problems())
                .extracting(p -> p.file().getFileName() + ":" + p.line())
                .containsExactlyInAnyOrder("bad-date.md:3", "latin1.md:2", "two.md:5");
        assertThat(snapshot.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        assertThat(snapshot.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file().getFileName()).hasToString("no-alt.md");
            assertThat(w.line()).isEqualTo(7);
            assertThat(w.message()).contains("alt text");
        });
    }

    @Test
    void ignoresHiddenAndNonMarkdownFiles() throws IOException {
        write("posts/good.md", post("Good", "2024-01-01"));
        write("posts/.good.md.swp", "editor junk");
        write("posts/notes.txt", "not content");

        ContentSnapshot snapshot = loader.load();

        assertThat(snapshot.posts()).hasSize(1);
        assertThat(snapshot.problems()).isEmpty();
    }

    @Test
    void leavesOutAFileThatIsTooLarge() throws IOException {
        write("posts/huge.md", post("Huge", "2024-01-01") + "x".repeat(3 * 1024 * 1024));

        ContentSnapshot snapshot = loader.load();

        assertThat(snapshot.posts()).isEmpty();
        assertThat(snapshot.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("larger than"));
    }

    @Test
    void readsAnEditedFileAgain() throws IOException {
        Path file = write("posts/hello.md", post("Before", "2024-01-01"));
        assertThat(loader.load().posts()).extracting(Post::title).containsExactly("Before");

        Files.writeString(file, post("After, longer", "2024-01-01"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(loader.load().posts()).extracting(Post::title).containsExactly("After, longer");
    }

    @Test
    void forgetsADeletedFile() throws IOException {
        Path file = write("posts/hello.md", post("Hello", "2024-01-01"));
        assertThat(loader.load().posts()).hasSize(1);

        Files.delete(file);

        assertThat(loader.load().posts()).isEmpty();
    }

    @Test
    void loadsAFolderWithoutPostsOrPages() throws IOException {
        Files.delete(contentDir.resolve("posts"));
        Files.delete(contentDir.resolve("pages"));

        ContentSnapshot snapshot = loader.load();

        assertThat(snapshot.posts()).isEmpty();
        assertThat(snapshot.pages()).isEmpty();
    }

    @Test
    void failsWhenTheContentFolderIsMissing() throws IOException {
        ContentProperties properties = ContentFixtures.properties(contentDir.resolve("nowhere"));
        ContentLoader missing = new ContentLoader(ContentFixtures.reader(properties), properties, Clock.systemUTC());

        assertThatIOException().isThrownBy(missing::load).withMessageContaining("missing or unreadable");
    }
}
