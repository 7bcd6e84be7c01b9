package org.rlsblog.content;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/** Small factories for content tests: settings, a reader, posts and pages. */
final class ContentFixtures {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private ContentFixtures() {}

    static ContentProperties properties(Path contentDir) {
        return new ContentProperties(
                contentDir,
                AMSTERDAM,
                false,
                Duration.ofMillis(300),
                3,
                200,
                java.net.URI.create("http://localhost:8080"),
                contentDir.resolveSibling("data"),
                null);
    }

    static ContentFileReader reader() {
        return reader(properties(Path.of("content")));
    }

    static ContentFileReader reader(ContentProperties properties) {
        return reader(properties, new MarkdownRenderer(), RenderCache.none());
    }

    static ContentFileReader reader(ContentProperties properties, MarkdownRenderer markdown, RenderCache renders) {
        return new ContentFileReader(
                new FrontMatterParser(), new BodyRenderer(markdown, renders, properties), properties);
    }

    static Post aPost(String slug) {
        return aPost(slug, ZonedDateTime.of(2024, 5, 1, 9, 0, 0, 0, AMSTERDAM), List.of());
    }

    static Post aPost(String slug, ZonedDateTime published, List<String> aliases, String... tags) {
        return new Post(
                slug,
                "Title of " + slug,
                published,
                null,
                java.util.Arrays.stream(tags).map(t -> new Tag(Slugs.of(t), t)).toList(),
                aliases,
                Locale.ENGLISH,
                null,
                null,
                null,
                null,
                null,
                CommentMode.OPEN,
                List.of(),
                PostBody.of(new PostBody.Rendered(
                        Html.of("<p>Body of " + slug + "</p>"),
                        List.of(),
                        false,
                        List.of(),
                        3,
                        1,
                        "Summary of " + slug,
                        null)),
                Path.of("content/posts/" + slug + ".md"));
    }

    static Post aPostFrom(String file, String slug) {
        Post post = aPost(slug);
        return new Post(
                post.slug(),
                post.title(),
                post.published(),
                post.updated(),
                post.tags(),
                post.aliases(),
                post.lang(),
                post.author(),
                post.image(),
                post.imageAlt(),
                post.reviewed(),
                post.reviewedBy(),
                post.comments(),
                post.about(),
                post.body(),
                Path.of(file));
    }

    static Page aPage(String slug, String... aliases) {
        return new Page(
                slug,
                "Page " + slug,
                "Summary of " + slug,
                List.of(aliases),
                Locale.ENGLISH,
                null,
                "<p>Page " + slug + "</p>",
                List.of(),
                false,
                Path.of("content/pages/" + slug + ".md"));
    }
}
