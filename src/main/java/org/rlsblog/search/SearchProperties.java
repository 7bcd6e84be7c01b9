package org.rlsblog.search;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one search, and one client's searches, may cost.
 *
 * @param searchesPerMinute searches one client (an IPv4 address, an IPv6 /64) may make a minute,
 *     all at once or spread out; a page the page cache answers is not counted; 0 turns the limit off
 * @param timeLimit how long one search may collect hits; the reader gets those found by then
 */
@Validated
@ConfigurationProperties("blog.search")
public record SearchProperties(
        @DefaultValue("30") @Min(0) int searchesPerMinute,
        @DefaultValue("500ms") @NotNull Duration timeLimit) {}
