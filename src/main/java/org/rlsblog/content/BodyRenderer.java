package org.rlsblog.content;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the Markdown body of a content file, through the {@link RenderCache}, into what its
 * post or page shows. A post whose Markdown cannot be rendered is still published, as plain text
 * that names the problem; a page is left out.
 */
@Component
class BodyRenderer {

    /** The longest summary taken from a first paragraph, in characters. */
    private static final int SUMMARY_LIMIT = 300;

    private static final int MIN_READING_MINUTES = 1;
    private static final Logger log = LoggerFactory.getLogger(BodyRenderer.class);

    private final MarkdownRenderer markdown;
    private final RenderCache renders;
    private final ContentProperties properties;

    BodyRenderer(MarkdownRenderer markdown, RenderCache renders, ContentProperties properties) {
        this.markdown = markdown;
        this.renders = renders;
        this.properties = properties;
    }

    /**
     * A post's body: read now when an earlier start kept its rendering, otherwise rendered when
     * first asked for.
     *
     * @param givenSummary the front matter's {@code summary}, or null for the first paragraph
     */
    PostBody postBody(Path file, FrontMatter frontMatter, Locale lang, @Nullable String givenSummary, TocMode toc) {
        String referencesTitle = MarkdownRenderer.referencesTitle(lang);
        RenderedMarkdown kept = renders.kept(frontMatter.body(), referencesTitle);
        if (kept != null) {
            return PostBody.of(rendered(kept, givenSummary, toc, null));
        }
        renders.leftForLater();
        // kept as UTF-8 until rendered: a string with one curly quote in it takes two bytes a character
        byte[] utf8 = frontMatter.body().getBytes(StandardCharsets.UTF_8);
        int bodyLine = frontMatter.bodyLine();
        return PostBody.later(() -> {
            String text = new String(utf8, StandardCharsets.UTF_8);
            try {
                return rendered(
                        renders.make(text, referencesTitle, () -> markdown.render(text, lang)),
                        givenSummary,
                        toc,
                        null);
            } catch (StackOverflowError | RuntimeException e) {
                return unrendered(file, bodyLine, text, givenSummary, e);
            }
        });
    }

    /** A page's body, rendered now: a page whose Markdown cannot be rendered is a problem of its file. */
    RenderedMarkdown pageBody(FrontMatter frontMatter, Locale lang) throws ContentFileException {
        try {
            return renders.render(
                    frontMatter.body(),
                    MarkdownRenderer.referencesTitle(lang),
                    () -> markdown.render(frontMatter.body(), lang));
        } catch (StackOverflowError e) {
            throw new ContentFileException(
                    frontMatter.bodyLine(), "the Markdown is nested too deeply to render (StackOverflowError)");
        } catch (RuntimeException e) {
            throw new ContentFileException(frontMatter.bodyLine(), "the Markdown could not be rendered: " + e);
        }
    }

    /** The front matter's summary, or the first paragraph, shortened at a word. */
    static String summary(@Nullable String given, RenderedMarkdown rendered) {
        return given != null ? given : summaryOf(rendered.firstParagraph());
    }

    boolean showToc(TocMode toc, RenderedMarkdown rendered) {
        return toc.shows(rendered.toc(), properties.tocMinHeadings());
    }

    private PostBody.Rendered rendered(
            RenderedMarkdown rendered, @Nullable String givenSummary, TocMode toc, @Nullable String problem) {
        int wordsPerMinute = properties.wordsPerMinute();
        return new PostBody.Rendered(
                rendered.html(),
                rendered.toc(),
                showToc(toc, rendered),
                rendered.citations(),
                rendered.words(),
                Math.max(MIN_READING_MINUTES, (rendered.words() + wordsPerMinute - 1) / wordsPerMinute),
                summary(givenSummary, rendered),
                problem);
    }

    /** The Markdown as escaped plain text, and why it is shown so; not rendered again on the next request. */
    private PostBody.Rendered unrendered(
            Path file, int bodyLine, String text, @Nullable String givenSummary, Throwable failure) {
        String problem = "line " + bodyLine + ": the Markdown could not be rendered ("
                + (failure instanceof StackOverflowError ? "nested too deeply" : failure.toString()) + ")";
        log.error("Content file {}: {}; it is shown as plain text", file, problem);
        RenderedMarkdown plain = new RenderedMarkdown(
                Html.of("<pre class=\"unrendered\">" + HtmlUtils.htmlEscape(text) + "</pre>"),
                List.of(),
                "",
                MarkdownRenderer.countWords(text),
                List.of());
        return rendered(plain, givenSummary, TocMode.OFF, problem);
    }

    private static String summaryOf(String first) {
        if (first.length() <= SUMMARY_LIMIT) {
            return first;
        }
        int cut = first.lastIndexOf(' ', SUMMARY_LIMIT);
        return first.substring(0, cut > 0 ? cut : SUMMARY_LIMIT) + "…";
    }
}
