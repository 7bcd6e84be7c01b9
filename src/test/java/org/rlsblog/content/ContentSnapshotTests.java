package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlsblog.content.ContentFixtures.aPage;
import static org.rlsblog.content.ContentFixtures.aPost;
import static org.rlsblog.content.ContentFixtures.aPostFrom;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentSnapshotTests {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static ContentSnapshot build(List<Post> posts, List<Page> pages) {
        return ContentSnapshot.build(posts, pages, List.of(), NOW);
    }

    private static Post withAliases(String slug, String... aliases) {
        return aPost(slug, ZonedDateTime.parse("2024-05-01T09:00:00+02:00"), List.of(aliases));
    }

    @Test
    void sortsPostsNewestFirstAndIndexesThem() {
        Post old = aPost("old", ZonedDateTime.parse("2020-01-01T00:00:00Z"), List.of(), "RLS");
        Post recent = aPost("recent", ZonedDateTime.parse("2024-01-01T00:00:00Z"), List.of(), "RLS", "iron");

        ContentSnapshot snapshot = build(List.of(old, recent), List.of());

        assertThat(snapshot.posts()).containsExactly(recent, old);
        assertThat(snapshot.indexBySlug()).containsEntry("recent", 0).containsEntry("old", 1);
        assertThat(snapshot.postsByTag().get("rls")).containsExactly(recent, old);
        assertThat(snapshot.tags()).containsOnlyKeys("iron", "rls");
        assertThat(snapshot.problems()).isEmpty();
    }

    @Test
    void refusesADuplicateSlugAndKeepsTheFirstFile() {
        Post first = aPostFrom("content/posts/a-hello.md", "hello");
        Post second = aPostFrom("content/posts/b-hello.md", "hello");

        ContentSnapshot snapshot = build(List.of(second, first), List.of());

        assertThat(snapshot.posts()).containsExactly(first);
        assertThat(snapshot.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Path.of("content/posts/b-hello.md"));
            assertThat(p.message()).contains("duplicate slug 'hello'").contains("a-hello.md");
        });
    }

    @Test
    void mapsAliasesNormalizedToThePostUrl() {
        ContentSnapshot snapshot =
                build(List.of(withAliases("hello", "/Old-Hello/", "/2019/05/hello?p=12")), List.of());

        assertThat(snapshot.aliases())
                .containsEntry("/old-hello", "/posts/hello")
                .containsEntry("/2019/05/hello", "/posts/hello");
    }

    @Test
    void refusesAnAliasThatAnotherFileHasAlready() {
        Post first = withAliases("first", "/old");
        Post second = withAliases("second", "/old/");

        ContentSnapshot snapshot = build(List.of(first, second), List.of());

        assertThat(snapshot.posts()).extracting(Post::slug).containsExactly("first");
        assertThat(snapshot.aliases()).containsEntry("/old", "/posts/first");
        assertThat(snapshot.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(second.source());
            assertThat(p.message())
                    .contains("alias '/old/' is already an alias of")
                    .contains("first.md");
        });
    }

    @Test
    void refusesTheSameAliasTwiceInOneFile() {
        ContentSnapshot snapshot = build(List.of(withAliases("hello", "/old", "/OLD")), List.of());

        assertThat(snapshot.posts()).isEmpty();
        assertThat(snapshot.problems()).hasSize(1);
    }

    @Test
    void refusesAnAliasThatIsAnotherPostsAddress() {
        Post other = aPost("other");
        Post thief = withAliases("thief", "/posts/other");

        ContentSnapshot snapshot = build(List.of(other, thief), List.of());

        assertThat(snapshot.posts()).containsExactly(other);
        assertThat(snapshot.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("collides with the address of a post or page"));
    }

    @Test
    void refusesAnAliasThatIsAPageAddress() {
        ContentSnapshot snapshot = build(List.of(withAliases("thief", "/about")), List.of(aPage("about")));

        assertThat(snapshot.posts()).isEmpty();
        assertThat(snapshot.pages()).containsOnlyKeys("about");
    }

    @Test
    void refusesAliasesOnTheSitesOwnRoutes() {
        for (String route : List.of("/admin", "/admin/comments", "/search", "/tags/rls", "/feed.atom", "/")) {
            ContentSnapshot snapshot = build(List.of(withAliases("hello", route)), List.of());

            assertThat(snapshot.posts()).as(route).isEmpty();
            assertThat(snapshot.problems())
                    .as(route)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("collides with the site's own address"));
        }
    }

    @Test
    void allowsAnOldPostAddressAsAlias() {
        ContentSnapshot snapshot = build(List.of(withAliases("new-name", "/posts/old-name")), List.of());

        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.aliases()).containsEntry("/posts/old-name", "/posts/new-name");
    }

    @Test
    void refusesPageSlugsTakenByTheSiteAndServesTheOthers() {
        ContentSnapshot snapshot =
                build(List.of(), List.of(aPage("posts"), aPage("tags"), aPage("admin"), aPage("about")));

        assertThat(snapshot.pages()).containsOnlyKeys("about");
        assertThat(snapshot.problems())
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.message()).contains("is taken by the site itself"))
                .extracting(p -> p.file().getFileName().toString())
                .containsExactlyInAnyOrder("posts.md", "tags.md", "admin.md");
    }

    @Test
    void leavesOutAPageWithABadAliasAndKeepsTheOthers() {
        ContentSnapshot snapshot =
                build(List.of(), List.of(aPage("about", "/admin/x"), aPage("privacy", "/privacy-policy")));

        assertThat(snapshot.pages()).containsOnlyKeys("privacy");
        assertThat(snapshot.aliases()).containsEntry("/privacy-policy", "/privacy");
    }

    @Test
    void keepsFileProblemsBesideTheCrossFileOnes() {
        ContentProblem broken = new ContentProblem(Path.of("content/posts/broken.md"), 3, "'title' is required");

        ContentSnapshot snapshot = ContentSnapshot.build(List.of(aPost("fine")), List.of(), List.of(broken), NOW);

        assertThat(snapshot.problems()).containsExactly(broken);
        assertThat(snapshot.posts()).hasSize(1);
        assertThat(snapshot.loadedAt()).isEqualTo(NOW);
    }

    @Test
    void normalizesPathsForLookUp() {
        assertThat(Aliases.normalize("/Old/Path///?x=1")).isEqualTo("/old/path");
        assertThat(Aliases.normalize("/")).isEqualTo("/");
    }
}
