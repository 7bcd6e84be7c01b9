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
 * Renders the Markdown body of a content file into what its post or page shows. A post whose
 * Markdown cannot be rendered is still published, as plain text that names the problem; a page is
 * left out.
 */
@Component
class BodyRenderer {

    /** The longest summary taken from a first paragraph, in characters. */
    private static final int SUMMARY_LIMIT = 300;

    private static final int MIN_READING_MINUTES = 1;
    private static final Logger log = LoggerFactory.getLogger(BodyRenderer.class);

    private final MarkdownRenderer markdown;
    private final ContentProperties properties;
    private final ContentImages images;

    BodyRenderer(MarkdownRenderer markdown, ContentProperties properties, ContentImages images) {
        this.markdown = markdown;
        this.properties = properties;
        this.images = images;
    }

    /**
     * Where a file's body is shown.
     *
     * @param url the address of its page
     * @param image the front matter's {@code image}, or null
     * @param imageLine the line of that key
     */
    record Place(Path file, String url, @Nullable String image, int imageLine) {}

    /**
     * A post's body, rendered when first asked for.
     *
     * @param givenSummary the front matter's {@code summary}, or null for the first paragraph
     */
    PostBody postBody(Place place, FrontMatter frontMatter, Locale lang, @Nullable String givenSummary, TocMode toc) {
        // kept as UTF-8 until rendered: a string with one curly quote in it takes two bytes a character
        byte[] utf8 = frontMatter.body().getBytes(StandardCharsets.UTF_8);
        int bodyLine = frontMatter.bodyLine();
        return PostBody.later(() -> {
            String text = new String(utf8, StandardCharsets.UTF_8);
            try {
                ImageContext context = imageContext(place, bodyLine);
                ImageFacts header = place.image() == null ? null : context.header(place.image(), place.imageLine());
                RenderedMarkdown rendered = markdown.render(text, lang, context);
                List<ContentProblem> problems = context.problems();
                problems.forEach(p -> log.warn("Content problem: {}", p));
                return rendered(rendered, givenSummary, toc, problems, header);
            } catch (StackOverflowError | RuntimeException e) {
                return unrendered(place.file(), bodyLine, text, givenSummary, e);
            }
        });
    }

    /** Whether Markdown may show an image: every Markdown image starts with "![". */
    static boolean mentionsImages(String markdown) {
        return markdown.contains("![");
    }

    /**
     * A page's body, rendered now: a page whose Markdown cannot be rendered is a problem of its
     * file. Problems with its images are added to {@code warnings}.
     */
    RenderedMarkdown pageBody(
            Place place, FrontMatter frontMatter, Locale lang, List<ContentFileReader.Warning> warnings)
            throws ContentFileException {
        try {
            ImageContext context = imageContext(place, frontMatter.bodyLine());
            RenderedMarkdown rendered = markdown.render(frontMatter.body(), lang, context);
            context.problems().forEach(p -> warnings.add(new ContentFileReader.Warning(p.line(), p.message())));
            return rendered;
        } catch (StackOverflowError e) {
            throw new ContentFileException(
                    frontMatter.bodyLine(), "the Markdown is nested too deeply to render (StackOverflowError)");
        } catch (RuntimeException e) {
            throw new ContentFileException(frontMatter.bodyLine(), "the Markdown could not be rendered: " + e);
        }
    }

    private ImageContext imageContext(Place place, int bodyLine) {
        Path root = properties.contentDir().toAbsolutePath().normalize();
        return new ImageContext(root, place.file(), place.url(), images, bodyLine, place.image() != null);
    }

    /** The front matter's summary, or the first paragraph, shortened at a word. */
    static String summary(@Nullable String given, RenderedMarkdown rendered) {
        return given != null ? given : summaryOf(rendered.firstParagraph());
    }

    boolean showToc(TocMode toc, RenderedMarkdown rendered) {
        return toc.shows(rendered.toc(), properties.tocMinHeadings());
    }

    private PostBody.Rendered rendered(
            RenderedMarkdown rendered,
            @Nullable String givenSummary,
            TocMode toc,
            List<ContentProblem> problems,
            @Nullable ImageFacts image) {
        int wordsPerMinute = properties.wordsPerMinute();
        return new PostBody.Rendered(
                rendered.html(),
                rendered.toc(),
                showToc(toc, rendered),
                rendered.citations(),
                rendered.words(),
                Math.max(MIN_READING_MINUTES, (rendered.words() + wordsPerMinute - 1) / wordsPerMinute),
                summary(givenSummary, rendered),
                problems,
                image);
    }

    /** The Markdown as escaped plain text, and why it is shown so; not rendered again on the next request. */
    private PostBody.Rendered unrendered(
            Path file, int bodyLine, String text, @Nullable String givenSummary, Throwable failure) {
        String problem = "the Markdown could not be rendered ("
                + (failure instanceof StackOverflowError ? "nested too deeply" : failure.toString()) + ")";
        log.error("Content file {}:{}: {}; it is shown as plain text", file, bodyLine, problem);
        RenderedMarkdown plain = new RenderedMarkdown(
                Html.of("<pre class=\"unrendered\">" + HtmlUtils.htmlEscape(text) + "</pre>"),
                List.of(),
                "",
                MarkdownRenderer.countWords(text),
                List.of());
        return rendered(plain, givenSummary, TocMode.OFF, List.of(new ContentProblem(file, bodyLine, problem)), null);
    }

    private static String summaryOf(String first) {
        if (first.length() <= SUMMARY_LIMIT) {
            return first;
        }
        int cut = first.lastIndexOf(' ', SUMMARY_LIMIT);
        return first.substring(0, cut > 0 ? cut : SUMMARY_LIMIT) + "…";
    }
}
