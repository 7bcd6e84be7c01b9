package org.rlsblog.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.Neighbours;
import org.rlsblog.content.Post;
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

    /** The article page's view of a post, with its dates in the reader's language. */
    static PostView of(Post post, Neighbours neighbours, Locale locale) {
        return new PostView(
                post.slug(),
                post.url(),
                post.title(),
                post.lang().toLanguageTag(),
                post.summary(),
                PostViews.date(post.published(), locale),
                post.updated() == null ? null : PostViews.date(post.updated(), locale),
                post.reviewed() == null ? null : PostViews.date(post.reviewed(), locale),
                post.reviewedBy(),
                post.author(),
                PostViews.imageHtml(post, true),
                post.readingMinutes(),
                PostViews.tags(post.tags()),
                post.toc(),
                post.showToc(),
                post.html().toString(),
                PostLink.of(neighbours.newer()),
                PostLink.of(neighbours.older()));
    }
}
