package org.rlsblog.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A published (or scheduled) article with its HTML already rendered. Immutable.
 *
 * @param about what the article is about (front matter {@code about}, e.g. conditions), for schema.org
 * @param citations the web addresses cited in the article's footnotes (its references)
 * @param html the rendered article body; trusted, because it comes from the author's Markdown
 */
public record Post(
        String slug,
        String title,
        ZonedDateTime published,
        @Nullable ZonedDateTime updated,
        String summary,
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
        List<String> citations,
        Html html,
        List<TocEntry> toc,
        boolean showToc,
        int readingMinutes,
        int words,
        Path source) {

    public Post {
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        toc = List.copyOf(toc);
        about = List.copyOf(about);
        citations = List.copyOf(citations);
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
