package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BodyRendererTests {

    private static final Path FILE = Path.of("content/posts/hello-world.md");

    private final CountingRenderer markdown = new CountingRenderer();
    private final BodyRenderer bodies =
            new BodyRenderer(markdown, ContentFixtures.properties(Path.of("content")), ContentImages.NONE);

    /** Counts its renderings, and fails them all when told to. */
    private static final class CountingRenderer extends MarkdownRenderer {

        final AtomicInteger renderings = new AtomicInteger();
        volatile boolean fail;

        @Override
        RenderedMarkdown render(String markdown, Locale lang, @Nullable ImageContext images) {
            renderings.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("flexmark gave up");
            }
            return super.render(markdown, lang, images);
        }
    }

    private PostBody postBody(String frontMatter, String body) throws ContentFileException {
        FrontMatter file = new FrontMatterParser().parse("---\n" + frontMatter + "\n---\n" + body);
        return bodies.postBody(
                new BodyRenderer.Place(FILE, "/posts/hello-world", null, 0), file, Locale.ENGLISH, null, TocMode.ON);
    }

    @Test
    void rendersAPostsMarkdownWhenFirstAskedForAndOnlyOnce() throws Exception {
        PostBody body = postBody(
                "title: Hello\ndate: 2024-05-01\ntoc: on", "First paragraph of the post.\n\nSecond paragraph.\n");

        assertThat(markdown.renderings).as("reading the file").hasValue(0);
        assertThat(body.isRendered()).isFalse();
        assertThat(body.get().summary()).isEqualTo("First paragraph of the post.");
        assertThat(body.get().html().toString()).contains("<p>Second paragraph.</p>");
        assertThat(body.get().words()).isEqualTo(7);
        assertThat(markdown.renderings).hasValue(1);
        assertThat(body.isRendered()).isTrue();
    }

    @Test
    void aPostWhoseMarkdownCannotBeRenderedShowsItAsEscapedTextAndNamesTheProblem() throws Exception {
        markdown.fail = true;
        PostBody body = postBody("title: Broken\ndate: 2024-05-01", "Text with <script>x</script> in it.\n");

        PostBody.Rendered rendered = body.get();
        assertThat(rendered.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.message())
                    .startsWith("the Markdown could not be rendered")
                    .contains("flexmark gave up");
        });
        assertThat(rendered.html().toString())
                .isEqualTo("<pre class=\"unrendered\">Text with &lt;script&gt;x&lt;/script&gt; in it.\n</pre>");
        body.get();
        assertThat(markdown.renderings).as("not tried again on every request").hasValue(1);
    }

    @Test
    void cutsALongFirstParagraphAtAWordUnlessASummaryIsGiven() {
        RenderedMarkdown rendered =
                new MarkdownRenderer().render("word ".repeat(100).strip());

        assertThat(BodyRenderer.summary(null, rendered)).endsWith("word…").hasSizeLessThanOrEqualTo(301);
        assertThat(BodyRenderer.summary("Given.", rendered)).isEqualTo("Given.");
    }
}
