package org.rlsblog.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.Post;

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

    /** A post's card, with its date in the reader's language. */
    static PostSummary of(Post post, @Nullable Long commentCount, Locale locale) {
        return new PostSummary(
                post.url(),
                post.title(),
                PostViews.date(post.published(), locale),
                post.summary(),
                post.readingMinutes(),
                PostViews.tags(post.tags()),
                PostViews.imageHtml(post, false),
                commentCount,
                post.lang().toLanguageTag());
    }
}
