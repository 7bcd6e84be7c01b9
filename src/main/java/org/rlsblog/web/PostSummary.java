package org.rlsblog.web;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post in a list (home, tag page, archive): what a card shows, prepared for the template.
 *
 * @param imageHtml the header image, small (trusted HTML made by content), or null
 * @param commentCount approved comments, or null for a post whose comments are hidden (no count shown)
 */
record PostSummary(
        String url,
        String title,
        DateView date,
        String summary,
        int readingMinutes,
        List<TagLink> tags,
        @Nullable String imageHtml,
        @Nullable Long commentCount,
        String lang) {

    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PostSummary} by naming its parts; unset flags are false, numbers 0, lists empty and optional parts null. */
    static final class Builder {

        private @Nullable String url;
        private @Nullable String title;
        private @Nullable DateView date;
        private @Nullable String summary;
        private int readingMinutes;
        private List<TagLink> tags = List.of();
        private @Nullable String imageHtml;
        private @Nullable Long commentCount;
        private @Nullable String lang;

        private Builder() {}

        Builder url(String url) {
            this.url = url;
            return this;
        }

        Builder title(String title) {
            this.title = title;
            return this;
        }

        Builder date(DateView date) {
            this.date = date;
            return this;
        }

        Builder summary(String summary) {
            this.summary = summary;
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

        Builder imageHtml(@Nullable String imageHtml) {
            this.imageHtml = imageHtml;
            return this;
        }

        Builder commentCount(@Nullable Long commentCount) {
            this.commentCount = commentCount;
            return this;
        }

        Builder lang(String lang) {
            this.lang = lang;
            return this;
        }

        PostSummary build() {
            return new PostSummary(
                    requireNonNull(url, "url"),
                    requireNonNull(title, "title"),
                    requireNonNull(date, "date"),
                    requireNonNull(summary, "summary"),
                    readingMinutes,
                    tags,
                    imageHtml,
                    commentCount,
                    requireNonNull(lang, "lang"));
        }
    }
}
