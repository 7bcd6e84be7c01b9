package org.rlsblog.web;

import java.util.List;

/** A post in a list (home, tag page, archive): what a card shows, prepared for the template. */
record PostSummary(
        String url,
        String title,
        DateView date,
        String summary,
        int readingMinutes,
        List<TagLink> tags,
        long commentCount,
        String lang) {}
