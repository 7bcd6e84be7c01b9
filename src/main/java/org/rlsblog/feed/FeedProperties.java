package org.rlsblog.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Feeds.
 *
 * @param size posts in a feed
 * @param fullContent whole articles in feeds ({@code true}) or only their summaries
 * @param commentsSize comments in the comments feed
 */
@Validated
@ConfigurationProperties("blog.feed")
record FeedProperties(
        @DefaultValue("20") @Min(1) @Max(200) int size,
        @DefaultValue("true") boolean fullContent,
        @DefaultValue("30") @Min(1) @Max(200) int commentsSize) {}
