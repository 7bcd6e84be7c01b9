package org.rlsblog.web;

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
        String lang) {}
