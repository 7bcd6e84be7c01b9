package org.rlsblog.content;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Page} component by component, by name: ten arguments in a row are too easy to
 * swap. What is not set is what a front matter without that key gives.
 */
final class PageBuilder {

    private @Nullable String slug;
    private @Nullable String title;
    private @Nullable String summary;
    private List<String> aliases = List.of();
    private Locale lang = Locale.ENGLISH;
    private @Nullable ZonedDateTime updated;
    private @Nullable String html;
    private List<TocEntry> toc = List.of();
    private boolean showToc;
    private @Nullable Path source;

    PageBuilder slug(String slug) {
        this.slug = slug;
        return this;
    }

    PageBuilder title(String title) {
        this.title = title;
        return this;
    }

    PageBuilder summary(String summary) {
        this.summary = summary;
        return this;
    }

    PageBuilder aliases(List<String> aliases) {
        this.aliases = aliases;
        return this;
    }

    PageBuilder lang(Locale lang) {
        this.lang = lang;
        return this;
    }

    PageBuilder updated(@Nullable ZonedDateTime updated) {
        this.updated = updated;
        return this;
    }

    /** The rendered body and its table of contents, and whether the page shows that. */
    PageBuilder body(String html, List<TocEntry> toc, boolean showToc) {
        this.html = html;
        this.toc = toc;
        this.showToc = showToc;
        return this;
    }

    PageBuilder source(Path source) {
        this.source = source;
        return this;
    }

    Page build() {
        return new Page(
                Objects.requireNonNull(slug, "slug"),
                Objects.requireNonNull(title, "title"),
                Objects.requireNonNull(summary, "summary"),
                aliases,
                lang,
                updated,
                Objects.requireNonNull(html, "html"),
                toc,
                showToc,
                Objects.requireNonNull(source, "source"));
    }
}
