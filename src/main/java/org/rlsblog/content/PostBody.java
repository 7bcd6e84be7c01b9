package org.rlsblog.content;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A post's body: its HTML and what is read from it. Rendered when it is first asked for, then
 * kept: rendering every post before answering made a first start slow, so a start renders only
 * what readers ask for, and the search index, built in the background after each load, renders
 * the rest.
 */
public final class PostBody {

    /**
     * @param html the rendered article body; trusted, because it comes from the author's Markdown
     * @param citations the web addresses cited in the article's footnotes (its references)
     * @param problems what is wrong in the file, found while rendering: Markdown that could not be
     *     rendered (the HTML then shows it as plain text), an image without alt text or that cannot be
     *     shown; empty when nothing is
     * @param image the front matter's {@code image} as the header shows it, or null when there is none
     *     (or it cannot be shown)
     */
    public record Rendered(
            Html html,
            List<TocEntry> toc,
            boolean showToc,
            List<String> citations,
            int words,
            int readingMinutes,
            String summary,
            List<ContentProblem> problems,
            @Nullable ImageFacts image) {

        public Rendered {
            toc = List.copyOf(toc);
            citations = List.copyOf(citations);
            problems = List.copyOf(problems);
        }
    }

    private @Nullable Supplier<Rendered> source;
    private volatile @Nullable Rendered rendered;

    private PostBody(@Nullable Supplier<Rendered> source, @Nullable Rendered rendered) {
        this.source = source;
        this.rendered = rendered;
    }

    /** A body rendered already. */
    public static PostBody of(Rendered rendered) {
        return new PostBody(null, rendered);
    }

    /** A body that {@code source} renders when it is first asked for (once, whoever asks). */
    static PostBody later(Supplier<Rendered> source) {
        return new PostBody(source, null);
    }

    /** The rendering; the first call makes it, and callers at the same moment wait for that one. */
    public Rendered get() {
        Rendered done = rendered;
        if (done != null) {
            return done;
        }
        synchronized (this) {
            if (rendered == null) {
                rendered = source.get();
                source = null; // the Markdown it holds is not needed any more
            }
            return rendered;
        }
    }

    /** Whether {@link #get()} would answer without rendering. */
    public boolean isRendered() {
        return rendered != null;
    }
}
