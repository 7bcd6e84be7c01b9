package org.rlsblog.web;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.TocEntry;

/** Everything the article page shows about a post, prepared for the template. */
public record PostView(
        String slug,
        String url,
        String title,
        String lang,
        String summary,
        DateView published,
        @Nullable DateView updated,
        @Nullable DateView reviewed,
        @Nullable String reviewedBy,
        @Nullable String author,
        @Nullable String imageHtml,
        int readingMinutes,
        List<TagLink> tags,
        List<TocEntry> toc,
        boolean showToc,
        String html,
        @Nullable PostLink newer,
        @Nullable PostLink older) {

    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PostView} by naming its parts; unset flags are false, numbers 0, lists empty and optional parts null. */
    static final class Builder {

        private @Nullable String slug;
        private @Nullable String url;
        private @Nullable String title;
        private @Nullable String lang;
        private @Nullable String summary;
        private @Nullable DateView published;
        private @Nullable DateView updated;
        private @Nullable DateView reviewed;
        private @Nullable String reviewedBy;
        private @Nullable String author;
        private @Nullable String imageHtml;
        private int readingMinutes;
        private List<TagLink> tags = List.of();
        private List<TocEntry> toc = List.of();
        private boolean showToc;
        private @Nullable String html;
        private @Nullable PostLink newer;
        private @Nullable PostLink older;

        private Builder() {}

        Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        Builder url(String url) {
            this.url = url;
            return this;
        }

        Builder title(String title) {
            this.title = title;
            return this;
        }

        Builder lang(String lang) {
            this.lang = lang;
            return this;
        }

        Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        Builder published(DateView published) {
            this.published = published;
            return this;
        }

        Builder updated(@Nullable DateView updated) {
            this.updated = updated;
            return this;
        }

        Builder reviewed(@Nullable DateView reviewed) {
            this.reviewed = reviewed;
            return this;
        }

        Builder reviewedBy(@Nullable String reviewedBy) {
            this.reviewedBy = reviewedBy;
            return this;
        }

        Builder author(@Nullable String author) {
            this.author = author;
            return this;
        }

        Builder imageHtml(@Nullable String imageHtml) {
            this.imageHtml = imageHtml;
            return this;
        }

        Builder readingMinutes(int readingMinutes) {
            this.readingMinutes = readingMinutes;
            return this;
        }

        Builder tags(List<TagLink> tags) {
            this.tags = tags;
            return this;
        }

        Builder toc(List<TocEntry> toc) {
            this.toc = toc;
            return this;
        }

        Builder showToc(boolean showToc) {
            this.showToc = showToc;
            return this;
        }

        Builder html(String html) {
            this.html = html;
            return this;
        }

        Builder newer(@Nullable PostLink newer) {
            this.newer = newer;
            return this;
        }

        Builder older(@Nullable PostLink older) {
            this.older = older;
            return this;
        }

        PostView build() {
            return new PostView(
                    requireNonNull(slug, "slug"),
                    requireNonNull(url, "url"),
                    requireNonNull(title, "title"),
                    requireNonNull(lang, "lang"),
                    requireNonNull(summary, "summary"),
                    requireNonNull(published, "published"),
                    updated,
                    reviewed,
                    reviewedBy,
                    author,
                    imageHtml,
                    readingMinutes,
                    tags,
                    toc,
                    showToc,
                    requireNonNull(html, "html"),
                    newer,
                    older);
        }
    }
}
