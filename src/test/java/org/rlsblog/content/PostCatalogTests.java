package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlsblog.TestClock;

class PostCatalogTests {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path contentDir;

    private final TestClock clock = new TestClock(NOW);
    private final List<Object> events = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(contentDir.resolve("posts"));
        Files.createDirectories(contentDir.resolve("pages"));
    }

    private void post(String slug, String date, String... tags) throws IOException {
        String tagLine = tags.length == 0 ? "" : "tags: [" + String.join(", ", tags) + "]\n";
        Files.writeString(
                contentDir.resolve("posts/" + slug + ".md"),
                "---\ntitle: Title " + slug + "\ndate: " + date + "\n" + tagLine + "---\nText.\n");
    }

    private PostCatalog catalog() {
        ContentProperties properties = ContentFixtures.properties(contentDir);
        ContentLoader loader = new ContentLoader(ContentFixtures.reader(properties), properties, clock);
        return new PostCatalog(loader, clock, events::add);
    }

    private static List<String> slugs(List<Post> posts) {
        return posts.stream().map(Post::slug).toList();
    }

    @Test
    void loadsOnCreationAndAnnouncesIt() throws IOException {
        post("one", "2024-01-01");

        PostCatalog catalog = catalog();

        assertThat(catalog.isLoaded()).isTrue();
        assertThat(catalog.loadedAt()).isEqualTo(NOW);
        assertThat(events).containsExactly(new ContentChanged(NOW, 1, 0, 0));
    }

    @Test
    void hidesAFuturePostUntilTheClockPassesItsDateWithoutReload() throws IOException {
        post("past", "2025-05-01");
        post("scheduled", "2025-06-01T15:00:00Z");
        PostCatalog catalog = catalog();

        assertThat(catalog.findPost("scheduled")).isEmpty();
        assertThat(catalog.findAnyPost("scheduled")).isPresent();
        assertThat(slugs(catalog.published())).containsExactly("past");
        assertThat(slugs(catalog.latest(1, 10).orElseThrow().posts())).containsExactly("past");

        clock.set(Instant.parse("2025-06-01T15:00:00Z"));

        assertThat(catalog.findPost("scheduled")).isPresent();
        assertThat(slugs(catalog.published())).containsExactly("scheduled", "past");
        assertThat(events).as("no reload happened").hasSize(1);
    }

    @Test
    void hidesFuturePostsFromTagsAndAliases() throws IOException {
        post("past", "2025-05-01", "iron");
        Files.writeString(
                contentDir.resolve("posts/future.md"),
                "---\ntitle: Future\ndate: 2026-01-01\ntags: [iron, later]\naliases: [/old-future]\n---\nText.\n");
        PostCatalog catalog = catalog();

        assertThat(slugs(catalog.tagged("iron", 1, 10).orElseThrow().posts())).containsExactly("past");
        assertThat(catalog.tagged("later", 1, 10)).isEmpty();
        assertThat(catalog.aliasTarget("/old-future")).isEmpty();

        clock.advance(Duration.ofDays(365));

        assertThat(catalog.tagged("later", 1, 10)).isPresent();
        assertThat(catalog.aliasTarget("/old-future/")).contains("/posts/future");
    }

    @Test
    void hasNoPageZero() throws IOException {
        post("one", "2024-01-01");

        assertThat(catalog().latest(0, 10)).isEmpty();
        assertThat(catalog().latest(-1, 10)).isEmpty();
    }

    @Test
    void hasNoPagePastTheEnd() throws IOException {
        post("one", "2024-01-01");
        post("two", "2024-01-02");
        post("three", "2024-01-03");
        PostCatalog catalog = catalog();

        PostList last = catalog.latest(2, 2).orElseThrow();
        assertThat(slugs(last.posts())).containsExactly("one");
        assertThat(last.hasOlder()).isFalse();
        assertThat(last.hasNewer()).isTrue();
        assertThat(catalog.latest(3, 2)).isEmpty();
        assertThat(catalog.latest(999, 2)).isEmpty();
    }

    @Test
    void fitsExactlyPageSizePostsOnOnePage() throws IOException {
        post("one", "2024-01-01");
        post("two", "2024-01-02");
        PostCatalog catalog = catalog();

        PostList only = catalog.latest(1, 2).orElseThrow();
        assertThat(slugs(only.posts())).containsExactly("two", "one");
        assertThat(only.totalPages()).isEqualTo(1);
        assertThat(only.total()).isEqualTo(2);
        assertThat(only.hasOlder()).isFalse();
        assertThat(only.hasNewer()).isFalse();
        assertThat(catalog.latest(2, 2)).isEmpty();
    }

    @Test
    void hasAnEmptyFirstPageWithoutPosts() {
        PostList first = catalog().latest(1, 10).orElseThrow();

        assertThat(first.posts()).isEmpty();
        assertThat(first.totalPages()).isEqualTo(1);
    }

    @Test
    void countsPagesOfVisiblePostsOnly() throws IOException {
        post("one", "2024-01-01");
        post("two", "2024-01-02");
        post("future", "2030-01-01");

        PostList first = catalog().latest(1, 2).orElseThrow();

        assertThat(first.totalPages()).isEqualTo(1);
        assertThat(first.total()).isEqualTo(2);
    }

    @Test
    void findsNeighboursSkippingFuturePosts() throws IOException {
        post("old", "2024-01-01");
        post("middle", "2024-02-01");
        post("new", "2024-03-01");
        post("future", "2030-01-01");
        PostCatalog catalog = catalog();

        Neighbours ofMiddle = catalog.neighbours(catalog.findPost("middle").orElseThrow());
        Neighbours ofNewest = catalog.neighbours(catalog.findPost("new").orElseThrow());
        Neighbours ofOldest = catalog.neighbours(catalog.findPost("old").orElseThrow());

        assertThat(ofMiddle.newer().slug()).isEqualTo("new");
        assertThat(ofMiddle.older().slug()).isEqualTo("old");
        assertThat(ofNewest.newer()).as("the future post is not linked").isNull();
        assertThat(ofOldest.older()).isNull();
    }

    @Test
    void listsTaggedPostsNewestFirstAPageAtATime() throws IOException {
        post("one", "2024-01-01", "RLS");
        post("two", "2024-01-02", "RLS", "iron");
        post("three", "2024-01-03", "rls");
        PostCatalog catalog = catalog();

        PostList first = catalog.tagged("rls", 1, 2).orElseThrow();
        assertThat(slugs(first.posts())).containsExactly("three", "two");
        assertThat(slugs(catalog.tagged("rls", 2, 2).orElseThrow().posts())).containsExactly("one");
        assertThat(catalog.tagged("rls", 3, 2)).isEmpty();
        assertThat(catalog.tagged("unknown", 1, 2)).isEmpty();
        assertThat(catalog.findTag("iron")).contains(new Tag("iron", "iron"));
    }

    @Test
    void keepsServingWhenTheFolderDisappears() throws IOException {
        post("one", "2024-01-01");
        PostCatalog catalog = catalog();
        Files.delete(contentDir.resolve("posts/one.md"));
        Files.delete(contentDir.resolve("posts"));
        Files.delete(contentDir.resolve("pages"));
        Files.delete(contentDir);

        assertThat(catalog.reload()).isFalse();
        assertThat(catalog.findPost("one")).isPresent();
    }

    @Test
    void reportsProblemsOfTheCurrentSnapshot() throws IOException {
        post("one", "2024-01-01");
        Files.writeString(contentDir.resolve("posts/broken.md"), "no front matter");

        PostCatalog catalog = catalog();

        assertThat(catalog.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(1));
        assertThat(events).containsExactly(new ContentChanged(NOW, 1, 0, 1));
    }
}
