package org.rlsblog.web;

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
        @Nullable PostLink older) {}
