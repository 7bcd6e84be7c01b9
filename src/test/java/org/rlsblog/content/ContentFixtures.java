package org.rlsblog.content;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/** Small factories for content tests: settings, a reader, posts and pages. */
final class ContentFixtures {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZonedDateTime PUBLISHED = ZonedDateTime.of(2024, 5, 1, 9, 0, 0, 0, AMSTERDAM);

    private ContentFixtures() {}

    /** The settings' defaults, except that nothing watches the folder. */
    static ContentProperties properties(Path contentDir) {
        return properties(contentDir, contentDir.resolveSibling("data"));
    }

    static ContentProperties properties(Path contentDir, Path dataDir) {
        return TestContentProperties.builder()
                .contentDir(contentDir)
                .timeZone(AMSTERDAM)
                .dataDir(dataDir)
                .build();
    }

    static ContentFileReader reader() {
        return reader(properties(Path.of("content")));
    }

    static ContentFileReader reader(ContentProperties properties) {
        return reader(properties, new MarkdownRenderer());
    }

    static ContentFileReader reader(ContentProperties properties, MarkdownRenderer markdown) {
        return reader(properties, markdown, ContentImages.NONE);
    }

    static ContentFileReader reader(ContentProperties properties, MarkdownRenderer markdown, ContentImages images) {
        return new ContentFileReader(
                new FrontMatterParser(), new BodyRenderer(markdown, properties, images), properties);
    }

    static Post aPost(String slug) {
        return aPost(slug, PUBLISHED, List.of());
    }

    static Post aPost(String slug, ZonedDateTime published, List<String> aliases, String... tags) {
        return aPostBuilder(slug, published)
                .aliases(aliases)
                .tags(Arrays.stream(tags).map(t -> new Tag(Slugs.of(t), t)).toList())
                .build();
    }

    static Post aPostFrom(String file, String slug) {
        return aPostBuilder(slug, PUBLISHED).source(Path.of(file)).build();
    }

    private static PostBuilder aPostBuilder(String slug, ZonedDateTime published) {
        return Post.builder()
                .slug(slug)
                .title("Title of " + slug)
                .published(published)
                .body(PostBody.of(new PostBody.Rendered(
                        Html.of("<p>Body of " + slug + "</p>"),
                        List.of(),
                        false,
                        List.of(),
                        3,
                        1,
                        "Summary of " + slug,
                        List.of(),
                        null)))
                .source(Path.of("content/posts/" + slug + ".md"));
    }

    static Page aPage(String slug, String... aliases) {
        return Page.builder()
                .slug(slug)
                .title("Page " + slug)
                .summary("Summary of " + slug)
                .aliases(List.of(aliases))
                .body("<p>Page " + slug + "</p>", List.of(), false)
                .source(Path.of("content/pages/" + slug + ".md"))
                .build();
    }
}
