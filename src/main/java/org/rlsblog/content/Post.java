package org.rlsblog.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A published (or scheduled) article. Immutable; its body is rendered when first asked for (see
 * {@link PostBody}), and the methods that read it ({@link #html()}, {@link #summary()} and the
 * others below) render it then.
 *
 * @param about what the article is about (front matter {@code about}, e.g. conditions), for schema.org
 * @param newsletter whether subscribers get the article by e-mail when it is published (front matter
 *     {@code newsletter: false} turns that off)
 * @param reviewEvery how often it is due for review (front matter {@code review_every}); {@link
 *     ReviewIntervals#NEVER} for never, null for the site's default
 */
public record Post(
        String slug,
        String title,
        ZonedDateTime published,
        @Nullable ZonedDateTime updated,
        List<Tag> tags,
        List<String> aliases,
        Locale lang,
        @Nullable String author,
        @Nullable String image,
        @Nullable String imageAlt,
        @Nullable LocalDate reviewed,
        @Nullable String reviewedBy,
        CommentMode comments,
        List<String> about,
        boolean newsletter,
        @Nullable Period reviewEvery,
        PostBody body,
        Path source) {

    public Post {
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        about = List.copyOf(about);
    }

    static PostBuilder builder() {
        return new PostBuilder();
    }

    /** The front matter's summary, or the first paragraph's text (shortened). */
    public String summary() {
        return body.get().summary();
    }

    /** The rendered article body; trusted, because it comes from the author's Markdown. */
    public Html html() {
        return body.get().html();
    }

    public List<TocEntry> toc() {
        return body.get().toc();
    }

    public boolean showToc() {
        return body.get().showToc();
    }

    /** The web addresses cited in the article's footnotes (its references). */
    public List<String> citations() {
        return body.get().citations();
    }

    public int words() {
        return body.get().words();
    }

    public int readingMinutes() {
        return body.get().readingMinutes();
    }

    /**
     * The front matter's {@code image} as the page shows it (size and variants), or null when the
     * post has none or it cannot be shown; known once the body is rendered.
     */
    public @Nullable ImageFacts headerImage() {
        return image == null ? null : body.get().image();
    }

    /**
     * The address of the front matter's {@code image} (a name beside a bundle's {@code index.md}
     * is served under the post's address), or null when there is none.
     */
    public @Nullable String imageUrl() {
        if (image == null || image.startsWith("/") || image.contains(":") || bundle() == null) {
            return image;
        }
        return url() + "/" + image;
    }

    /** The folder of a bundle post ({@code my-post/index.md}), whose image and media files it serves; else null. */
    public @Nullable Path bundle() {
        return ImageContext.bundleOf(source);
    }

    /** The post's address on this site. */
    public String url() {
        return "/posts/" + slug;
    }

    /** The most recent of the publication and "updated" dates. */
    public ZonedDateTime lastModified() {
        return updated != null && updated.isAfter(published) ? updated : published;
    }
}
