package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renderings kept in the data folder between starts: found again, dropped when stale, never wrong. */
class RenderCacheTests {

    @TempDir
    Path dataDir;

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final AtomicInteger renderings = new AtomicInteger();

    private RenderedMarkdown render(RenderCache cache, String text, String references) {
        return cache.render(text, references, () -> {
            renderings.incrementAndGet();
            return markdown.render(text, references.equals("Bronnen") ? Locale.forLanguageTag("nl") : Locale.ENGLISH);
        });
    }

    private List<Path> kept() throws IOException {
        return kept(dataDir);
    }

    private static List<Path> kept(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve(RenderCache.FOLDER))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static final String ARTICLE = """
            # Iron and sleep

            A first paragraph with a “quote” and a footnote.[^1]

            ## Ferritin

            Text.

            ### Below 75

            More text.

            [^1]: A study, https://example.org/study
            """;

    @Test
    void aRestartFindsTheRenderingOfTheStartBefore() {
        RenderedMarkdown first = render(RenderCache.in(dataDir, "build 1"), ARTICLE, "References");

        RenderedMarkdown again = render(RenderCache.in(dataDir, "build 1"), ARTICLE, "References");

        assertThat(renderings).hasValue(1);
        assertThat(again).isEqualTo(first);
        assertThat(again.toc()).extracting(TocEntry::id).containsExactly("ferritin", "below-75", "references");
        assertThat(again.citations()).containsExactly("https://example.org/study");
    }

    @Test
    void otherTextOrAnotherReferencesHeadingIsRenderedAfresh() {
        RenderCache cache = RenderCache.in(dataDir, "build 1");
        render(cache, ARTICLE, "References");

        RenderedMarkdown dutch = render(cache, ARTICLE, "Bronnen");
        render(cache, ARTICLE + "\nOne more line.", "References");

        assertThat(renderings).hasValue(3);
        assertThat(dutch.html().toString()).contains(">Bronnen<");
    }

    @Test
    void anotherBuildRendersAfreshAndItsPruneDropsTheOldBuildsRenderings() throws IOException {
        render(RenderCache.in(dataDir, "build 1"), ARTICLE, "References");
        RenderCache next = RenderCache.in(dataDir, "build 2");

        render(next, ARTICLE, "References");
        next.prune();

        assertThat(renderings).hasValue(2);
        assertThat(kept()).hasSize(1);
        render(RenderCache.in(dataDir, "build 2"), ARTICLE, "References");
        assertThat(renderings).as("the new build's rendering is kept").hasValue(2);
    }

    @Test
    void pruneDropsRenderingsOfTextNoLongerUsed() throws IOException {
        RenderCache first = RenderCache.in(dataDir, "build 1");
        render(first, ARTICLE, "References");
        render(first, "An article since deleted.", "References");
        assertThat(kept()).hasSize(2);

        RenderCache restart = RenderCache.in(dataDir, "build 1");
        render(restart, ARTICLE, "References");
        restart.prune();

        assertThat(kept()).hasSize(1);
    }

    @Test
    void aDamagedRenderingIsRenderedAgain() throws IOException {
        RenderedMarkdown first = render(RenderCache.in(dataDir, "build 1"), ARTICLE, "References");
        Path file = kept().get(0);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        RenderedMarkdown again = render(RenderCache.in(dataDir, "build 1"), ARTICLE, "References");

        assertThat(renderings).hasValue(2);
        assertThat(again).isEqualTo(first);
        assertThat(render(RenderCache.in(dataDir, "build 1"), ARTICLE, "References"))
                .isEqualTo(first);
        assertThat(renderings).as("and written whole again").hasValue(2);
    }

    @Test
    void aRenderingWithOneByteChangedIsRenderedAgain() throws IOException {
        RenderedMarkdown first = render(RenderCache.in(dataDir, "build 1"), ARTICLE, "References");
        Path file = kept().get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] ^= 0x04; // inside the deflated HTML: the file's length and structure stay as they were
        Files.write(file, bytes);

        RenderedMarkdown again = render(RenderCache.in(dataDir, "build 1"), ARTICLE, "References");

        assertThat(renderings).as("the checksum caught it").hasValue(2);
        assertThat(again.html().toString()).isEqualTo(first.html().toString());
    }

    @Test
    void theImagesRenderingsAreReadButNeverWrittenOrPruned(@TempDir Path imageData) throws IOException {
        RenderedMarkdown atBuild = render(RenderCache.in(imageData, "build 1"), ARTICLE, "References");
        List<Path> seed = kept(imageData);

        RenderCache container = RenderCache.in(dataDir, imageData, "build 1");
        RenderedMarkdown atStart = render(container, ARTICLE, "References");
        render(container, "Written since the image was built.", "References");
        container.prune();

        assertThat(renderings).as("only the new text was rendered").hasValue(2);
        assertThat(atStart).isEqualTo(atBuild);
        assertThat(kept(imageData)).as("the image's renderings untouched").isEqualTo(seed);
        assertThat(kept(dataDir)).as("only the new rendering written").hasSize(1);
        render(RenderCache.in(dataDir, imageData, "build 2"), ARTICLE, "References");
        assertThat(renderings).as("another build does not read them").hasValue(3);
    }

    @Test
    void aDamagedSeedRenderingIsRenderedAgainIntoTheDataFolderAndTheSeedIsLeftAsItWas(@TempDir Path imageData)
            throws IOException {
        RenderedMarkdown atBuild = render(RenderCache.in(imageData, "build 1"), ARTICLE, "References");
        Path seedFile = kept(imageData).get(0);
        byte[] damaged = Arrays.copyOf(Files.readAllBytes(seedFile), 10);
        Files.write(seedFile, damaged);

        RenderCache container = RenderCache.in(dataDir, imageData, "build 1");
        RenderedMarkdown atStart = render(container, ARTICLE, "References");
        container.prune();

        assertThat(renderings).hasValue(2);
        assertThat(atStart).isEqualTo(atBuild);
        assertThat(Files.readAllBytes(seedFile)).isEqualTo(damaged);
        assertThat(kept(dataDir)).hasSize(1);
    }

    @Test
    void withoutBuildInformationNothingIsKept() {
        render(RenderCache.none(), ARTICLE, "References");
        render(RenderCache.none(), ARTICLE, "References");

        assertThat(renderings).hasValue(2);
        assertThat(dataDir.resolve(RenderCache.FOLDER)).doesNotExist();
    }

    @Test
    void theRealContentLoadsTheSameFromKeptRenderings() throws IOException {
        ContentProperties properties = ContentFixtures.properties(Path.of("content"), dataDir);

        ContentSnapshot rendered = load(properties, RenderCache.in(dataDir, "build 1"));
        assertThat(kept())
                .as("posts are rendered when first asked for")
                .hasSize(rendered.pages().size());
        rendered.posts().forEach(post -> post.body().get());
        ContentSnapshot kept = load(properties, RenderCache.in(dataDir, "build 1"));

        assertThat(kept().size())
                .isEqualTo(rendered.posts().size() + rendered.pages().size());
        assertThat(kept.posts())
                .isNotEmpty()
                .allSatisfy(post ->
                        assertThat(post.body().isRendered()).as("read at load").isTrue());
        assertThat(kept.posts())
                .extracting(post -> post.body().get())
                .isEqualTo(
                        rendered.posts().stream().map(post -> post.body().get()).toList());
        assertThat(kept.posts())
                .extracting(Post::slug, Post::title, Post::published, Post::tags, Post::source)
                .isEqualTo(rendered.posts().stream()
                        .map(post ->
                                Tuple.tuple(post.slug(), post.title(), post.published(), post.tags(), post.source()))
                        .toList());
        assertThat(kept.pages()).isEqualTo(rendered.pages());
    }

    private static ContentSnapshot load(ContentProperties properties, RenderCache cache) throws IOException {
        return new ContentLoader(
                        ContentFixtures.reader(properties, new MarkdownRenderer(), cache),
                        cache,
                        properties,
                        Clock.systemUTC())
                .load();
    }
}
